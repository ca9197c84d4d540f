/**
 * Capitalised words that are also the names of some populated place in GeoNames but, alone, are
 * almost always something else in news: function words at a sentence start, months and days,
 * titles, institutions, frequent first names. A single such word is never a place mention by
 * itself; inside a longer name ("Port Said", "Mount Hermon") it still counts.
 */
const COMMON_WORDS = `
a an the this that these those there here then than and or but nor so yet if of in on at to by
for from with without within into onto over under after before since until during about above
below across along among around against between beyond through throughout toward towards upon
via per as is are was were be been being has have had do does did will would shall should can
could may might must not no yes all any both each every few many more most much other some
such only own same very just also even still again ever never always often once twice now
today tonight tomorrow yesterday meanwhile however although though while whereas because
unless whether where when why how what which who whom whose it its he him his she her hers
we us our ours they them their you your i me my mine one two three four five six seven eight
nine ten first second third last next new old big small great good best top high low long
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
monday tuesday wednesday thursday friday saturday sunday
mr mrs ms dr prof gen sgt col lt capt maj sir lord lady dame king queen prince princess pope
saint st president minister ministry prime premier governor mayor general chief commander
secretary spokesman spokeswoman spokesperson ambassador envoy senator judge colonel captain
major sheikh imam bishop father brother sister mother son daughter uncle
government army police forces force military navy council court party union league
national international federal central state states republic kingdom empire city town
village province region district county parish county area zone base camp port airport
north south east west northern southern eastern western central upper lower middle
news times post press daily weekly herald tribune journal report reports agency
monday's christmas easter ramadan eid islam islamic muslim christian jewish arab arabs
god allah jesus church mosque temple school university college hospital center centre
street road avenue highway bridge river lake sea ocean mountain mount hill valley desert
human rights world global group committee office department bureau commission
company corporation inc ltd co llc bank market fund
black white red green blue orange brown gold silver
love hope faith grace joy mercy justice liberty independence freedom victory unity
peace war battle attack strike fire power energy oil gas water air land
man men woman women people person child children boy girl family friends home house
media internet online video photo email twitter facebook
ok okay yes no please thanks welcome hello
however moreover furthermore nevertheless
summer winter spring autumn fall
reading mobile split bath nice buffalo deal sale free date surprise roman bell
michael john james david robert william mary paul mark george thomas richard charles
joseph daniel matthew anthony donald steven andrew kevin brian jason ryan eric jacob
chelsea tyler
`

const COMMON_WORD_SET = new Set(COMMON_WORDS.split(/\s+/).filter((word) => word !== ''))

/** True when `word` (any case) alone is not a place mention: see COMMON_WORDS. */
export function isCommonWord(word: string): boolean {
  return COMMON_WORD_SET.has(word.toLowerCase())
}

/**
 * Titles and first-name cues: a place-named word right after one of these is a person
 * ([President Assad], [Gen. Jordan]).
 */
const PERSON_CUES = new Set(
  `mr mrs ms miss dr prof gen general sgt col colonel lt capt captain maj major president
  minister premier king queen prince princess sheikh shaikh imam pope saint sir lord lady
  senator rep governor mayor judge commander chief spokesman brigadier emir sultan ayatollah
  mullah rabbi reverend rev father brother sister abu umm ibn bin bint`
    .split(/\s+/)
    .filter((word) => word !== ''),
)

/** True when `word` is a title or kinship cue that makes the next name a person. */
export function isPersonCue(word: string): boolean {
  return PERSON_CUES.has(word.toLowerCase().replace(/\.$/, ''))
}

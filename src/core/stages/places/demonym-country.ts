/**
 * Country adjectives and nationality nouns (demonyms). They are not place mentions ("Syrian
 * forces" names no place) but they tell the resolver which countries a story is about.
 * English forms from the world-countries package (ODbL-1.0), corrected where its first form
 * belongs to a territory (American, French, Dutch) and extended with common variants.
 */
const DEMONYM_TABLE =
  'Afghan:AF|Albanian:AL|Algerian:DZ|American:US|Andorran:AD|Angolan:AO|Argentine:AR|' +
  'Argentinian:AR|Armenian:AM|Australian:AU|Austrian:AT|Azerbaijani:AZ|Azeri:AZ|Bahamian:BS|' +
  'Bahraini:BH|Bangladeshi:BD|Barbadian:BB|Belarusian:BY|Belgian:BE|Belizean:BZ|Beninese:BJ|' +
  'Bhutanese:BT|Bolivian:BO|Bosnian:BA|Brazilian:BR|British:GB|Bruneian:BN|Bulgarian:BG|' +
  'Burkinabe:BF|Burmese:MM|Burundian:BI|Cambodian:KH|Cameroonian:CM|Canadian:CA|' +
  'Cape Verdian:CV|Central African:CF|Chadian:TD|Chilean:CL|Chinese:CN|Colombian:CO|' +
  'Comoran:KM|Congolese:CD|Costa Rican:CR|Croatian:HR|Cuban:CU|Cypriot:CY|Czech:CZ|Danish:DK|' +
  'Dominican:DM|Dutch:NL|East Timorese:TL|Ecuadorean:EC|Ecuadorian:EC|Egyptian:EG|Emirati:AE|' +
  'English:GB|Equatorial Guinean:GQ|Eritrean:ER|Estonian:EE|Ethiopian:ET|Fijian:FJ|' +
  'Filipino:PH|Finnish:FI|French:FR|Gabonese:GA|Gambian:GM|Georgian:GE|German:DE|Ghanaian:GH|' +
  'Greek:GR|Grenadian:GD|Guatemalan:GT|Guinea-Bissauan:GW|Guinean:GN|Guyanese:GY|Haitian:HT|' +
  'Honduran:HN|Hong Konger:HK|Hungarian:HU|I-Kiribati:KI|Icelander:IS|Indian:IN|Indonesian:ID|' +
  'Iranian:IR|Iraqi:IQ|Irish:IE|Israeli:IL|Italian:IT|Ivorian:CI|Jamaican:JM|Japanese:JP|' +
  'Jordanian:JO|Kazakh:KZ|Kazakhstani:KZ|Kenyan:KE|Kirghiz:KG|Kittitian or Nevisian:KN|Korean:KR|' +
  'Kosovar:XK|Kuwaiti:KW|Kyrgyz:KG|Laotian:LA|Latvian:LV|Lebanese:LB|Liberian:LR|Libyan:LY|' +
  'Liechtensteiner:LI|Lithuanian:LT|Luxembourger:LU|Macedonian:MK|Malagasy:MG|Malawian:MW|' +
  'Malaysian:MY|Maldivan:MV|Malian:ML|Maltese:MT|Marshallese:MH|Mauritanian:MR|Mauritian:MU|' +
  'Mexican:MX|Micronesian:FM|Moldovan:MD|Monegasque:MC|Mongolian:MN|Montenegrin:ME|' +
  'Moroccan:MA|Mosotho:LS|Motswana:BW|Mozambican:MZ|Namibian:NA|Nauruan:NR|Nepalese:NP|' +
  'Nepali:NP|New Zealander:NZ|Ni-Vanuatu:VU|Nicaraguan:NI|Nigerian:NG|Nigerien:NE|' +
  'North Korean:KP|Norwegian:NO|Omani:OM|Pakistani:PK|Palauan:PW|Palestinian:PS|Panamanian:PA|' +
  'Papua New Guinean:PG|Paraguayan:PY|Persian:IR|Peruvian:PE|Philippine:PH|Polish:PL|Portuguese:PT|Puerto Rican:PR|' +
  'Qatari:QA|Romanian:RO|Russian:RU|Rwandan:RW|Sahrawi:EH|Saint Lucian:LC|Saint Vincentian:VC|' +
  'Salvadoran:SV|Sammarinese:SM|Samoan:WS|Sao Tomean:ST|Saudi:SA|Saudi Arabian:SA|Scottish:GB|' +
  'Senegalese:SN|Serbian:RS|Seychellois:SC|Sierra Leonean:SL|Singaporean:SG|Slovak:SK|' +
  'Slovene:SI|Slovenian:SI|Solomon Islander:SB|Somali:SO|Soviet:RU|South African:ZA|South Korean:KR|' +
  'South Sudanese:SS|Spanish:ES|Sri Lankan:LK|Sudanese:SD|Surinamer:SR|Swazi:SZ|Swedish:SE|' +
  'Swiss:CH|Syrian:SY|Tadzhik:TJ|Taiwanese:TW|Tajik:TJ|Tanzanian:TZ|Thai:TH|Togolese:TG|' +
  'Tongan:TO|Trinidadian:TT|Tunisian:TN|Turkish:TR|Turkmen:TM|Tuvaluan:TV|Ugandan:UG|' +
  'Ukrainian:UA|Ukranian:UA|Uruguayan:UY|Uzbek:UZ|Uzbekistani:UZ|Venezuelan:VE|Vietnamese:VN|' +
  'Welsh:GB|Yemeni:YE|Yemenite:YE|Zambian:ZM|Zimbabwean:ZW'

const COUNTRY_BY_DEMONYM = new Map<string, string>(
  DEMONYM_TABLE.split('|').map((pair) => {
    const [word, code] = pair.split(':') as [string, string]
    return [word.toLowerCase(), code]
  }),
)

/**
 * The ISO 3166-1 alpha-2 code of the country a demonym refers to, or null. Accepts the plural
 * noun ("Syrians", "Israelis") and any letter case.
 *
 * @example demonymCountry('Syrian') // 'SY'
 */
export function demonymCountry(word: string): string | null {
  const lower = word.toLowerCase().replace(/['’]s$/, '')
  const direct = COUNTRY_BY_DEMONYM.get(lower)
  if (direct) return direct
  // [Syrians], [Israelis]: plural nouns; 'Swiss' and 'Chinese' have no plural -s form.
  if (lower.endsWith('s')) return COUNTRY_BY_DEMONYM.get(lower.slice(0, -1)) ?? null
  return null
}

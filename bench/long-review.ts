import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ReportExtras, ReportHistoryEntry } from '../reports/report-input.ts';

/**
 * The benchmark's workload: examples/full-review.json (25 rated items, Finnish) with a long evidence and a long
 * recommendation note on every item, as a careful external reviewer writes them. The notes are assembled from
 * ordinary Finnish sentences about IPS practice, in a different order for every item, so that the text is not one
 * block repeated 50 times (repeated words would flatter any width cache).
 */
export const NOTE_LENGTH = 1500;
export const REPORT_DATE = '2026-11-23';

const ROOT = resolve(import.meta.dirname, '..');

const SENTENCES = [
  'Työhönvalmentajat kertoivat haastattelussa, että asiakkaan oma toive työstä ohjaa koko prosessia alusta alkaen.',
  'Asiakasrekisterin mukaan 78 asiakkaasta 31 on tällä hetkellä kilpailluilla työmarkkinoilla palkkatyössä.',
  'Tiimipalaverissa 14.10.2026 käytiin läpi kahdeksan asiakkaan tilanne, ja jokaiselle sovittiin seuraava askel.',
  'Psykiatrisen poliklinikan hoitajat osallistuvat viikoittaiseen yhteiseen palaveriin, mutta lääkärit vain harvoin.',
  'Etuusneuvontaa annetaan keskustellen; koulutettua etuusneuvojaa ei ole käytettävissä ennen työn aloittamista.',
  'Työnantajakontaktit kirjataan seurantalomakkeelle, ja esihenkilö käy lomakkeen läpi kuukausittain valmentajan kanssa.',
  'Haastatellut asiakkaat (n = 6) kuvasivat tuen nopeaksi: ensimmäinen työnantajatapaaminen oli keskimäärin 23 päivän kuluttua.',
  'Valmentajat käyttävät noin 65 % työajastaan toimiston ulkopuolella, mikä näkyy myös kalentereista.',
  'Kaikki asiakkaat ohjautuvat palveluun oman halunsa mukaan; poissulkevia kriteerejä, kuten raittiusvaatimusta, ei ole.',
  'Työsuhteen päättyessä yhteydenpito ei ole järjestelmällistä, ja osa asiakkaista jää ilman jatkosuunnitelmaa.',
  'Kelan ja TE-palvelujen kanssa tehtävä yhteistyö on asiakaskohtaista; säännöllisiä yhteisiä tapaamisia ei ole sovittu.',
  'Esihenkilö tekee valmentajien kanssa kenttäkäyntejä kerran kuussa ja antaa palautetta työnantajayhteistyöstä.',
  'Työpaikkojen kirjo on laaja: kaupan ala, logistiikka, siivous, ravintolat, kunnan tekniset palvelut ja toimistotyö.',
  'Koulutukseen hakeutuvia tuetaan samalla tavalla kuin työnhakijoita, ja kolme asiakasta aloitti opinnot syksyllä 2026.',
  'Urasuunnitelmat on laadittu 71 asiakkaalle; niissä näkyvät asiakkaan vahvuudet, aiempi työhistoria ja tavoitteet.',
  'Suositus: sopikaa “kuusi henkilökohtaista työnantajakontaktia viikossa” tavoitteeksi ja seuratkaa sitä viikoittain.',
  'Budjetissa on varattu 1 200 € valmentajien täydennyskoulutukseen, ja IPS-perusteiden kertauskoulutus on suunniteltu keväälle.',
  'Kirjaamisessa näkyy, että työpaikalla annettava tuki – esimerkiksi perehdytyksen tukeminen – on räätälöity asiakkaalle.',
  'Asiakkaiden läheisiä on otettu mukaan suunnitteluun, kun asiakas on sitä toivonut; käytäntö on kirjattu toimintaohjeeseen.',
  'Mielenterveyspalvelujen johto tukee mallia, ja ohjausryhmä kokoontuu neljännesvuosittain seuraamaan tuloksia.',
  'Ottakaa käytännöksi yhteydenotto viikkoa ennen työn alkua ja kolmen päivän kuluessa sen alkamisesta.',
  'Valmentajien asiakasmäärä on enintään 20 asiakasta valmentajaa kohden, mikä vastaa mittarin korkeinta tasoa.',
];

/** About `length` characters of Finnish from the sentence pool, starting at a sentence chosen by `seed`. */
export function finnishNote(seed: number, length = NOTE_LENGTH): string {
  const parts: string[] = [];
  let size = 0;
  // 22 sentences; a start and a step (coprime to 22) per seed give 220 different notes.
  const step = [1, 3, 5, 7, 9, 13, 15, 17, 19, 21][seed % 10]!;
  for (let i = 0; size < length; i++) {
    const sentence = SENTENCES[(seed * 7 + i * step) % SENTENCES.length]!;
    parts.push(sentence);
    size += sentence.length + 1;
  }
  // Cut at the last whole word before `length` and end the sentence there.
  return parts.join(' ').slice(0, length).replace(/\s+\S*$/, '').replace(/[.,;:]*$/, '.');
}

interface Rating { item: number; score?: number; evidence?: string; recommendation?: string }

/** The full example review with NOTE_LENGTH-character evidence and recommendation texts on all 25 items. */
export function longReview(): unknown {
  const review = JSON.parse(readFileSync(resolve(ROOT, 'examples', 'full-review.json'), 'utf8')) as { ratings: Rating[] };
  review.ratings = review.ratings.map((rating, index) => ({
    ...rating,
    evidence: finnishNote(index * 2),
    recommendation: finnishNote(index * 2 + 1),
  }));
  return review;
}

/** What a real report carries besides the items: method notes, strengths, overall recommendations, earlier reviews. */
export const EXTRAS: ReportExtras = {
  strengths: finnishNote(101, 900),
  overallRecommendations: finnishNote(102, 900),
  nextReviewDate: '2027-05-20',
  method: {
    interviewed: 'Esihenkilö, neljä työhönvalmentajaa, kaksi psykiatrista sairaanhoitajaa, poliklinikan ylilääkäri ja kuusi asiakasta.',
    observed: 'Tiimipalaveri 14.10.2026 ja kaksi työnantajatapaamista valmentajan mukana.',
    documents: 'Asiakasrekisteri 9/2026, kymmenen satunnaisesti valittua urasuunnitelmaa, työnantajakontaktien seurantalomakkeet, toimintaohje.',
  },
};

export const HISTORY: ReportHistoryEntry[] = [
  { date: '2025-09-16', total: 86, estimate: false, band: 'fair', kind: 'external' },
  { date: '2026-03-10', total: 96.2, estimate: true, band: 'fair', kind: 'self' },
];

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { annotate } from '../../../src/core/index';
import {
  computePrf,
  countDetection,
  evaluateCases,
  loadGoldCases,
  sumTallies,
  type CaseScore,
} from '../../support/gold-score';
import { computeSplit, corpusIds, readSplit, REAL_DIR, sideOf } from '../../support/corpus-split';

const split = readSplit();

describe('the real-page corpus', () => {
  it('has the pages the accuracy work is judged on', () => {
    const ids = corpusIds();
    expect(ids.length).toBeGreaterThanOrEqual(150);
    const golds = ids.map(
      (id) =>
        JSON.parse(readFileSync(join(REAL_DIR, 'gold', `${id}.json`), 'utf8')) as {
          doc: string;
          isGovNews: boolean;
          source: { url: string; province: string; level: string; script: string };
        },
    );
    const reports = golds.filter((g) => g.isGovNews);
    expect(reports.length).toBeGreaterThanOrEqual(110);
    expect(golds.length - reports.length).toBeGreaterThanOrEqual(40);
    const provinces = new Set(
      reports.map((g) => g.source.province).filter((p) => p && p !== '全国'),
    );
    expect(provinces.size).toBeGreaterThanOrEqual(20);
    for (const level of ['province', 'city', 'county', 'district', 'township'])
      expect(
        reports.some((g) => g.source.level === level),
        level,
      ).toBe(true);
    expect(reports.some((g) => g.source.script === 'traditional')).toBe(true);
    for (const g of golds) {
      expect(g.doc).toBe(ids[golds.indexOf(g)]);
      expect(existsSync(join(REAL_DIR, 'pages', `${g.doc}.txt`)), g.doc).toBe(true);
      expect(g.source.url, g.doc).toMatch(/^https?:\/\//);
    }
    expect(new Set(golds.map((g) => g.source.url)).size).toBe(golds.length);
    expect(readdirSync(join(REAL_DIR, 'pages')).length).toBe(ids.length);
  });

  it('keeps a frozen split: recorded, made by the fixed seed, ≥ 50 test pages', () => {
    expect(split).toBeDefined();
    if (!split) return;
    expect(split.test.length).toBeGreaterThanOrEqual(50);
    expect([...split.dev, ...split.test].sort()).toEqual(corpusIds());
    for (const id of split.test) expect(sideOf(id), id).toBe('test');
    for (const id of split.dev) expect(sideOf(id), id).toBe('dev');
    // Recomputing moves nothing.
    expect(computeSplit(corpusIds(), split)).toEqual(split);
  });

  it('lists every page in the README', () => {
    const readme = readFileSync(join(REAL_DIR, 'README.md'), 'utf8');
    for (const id of corpusIds()) expect(readme, id).toContain(`| ${id} |`);
  });

  it('keeps the second annotator’s slogans to dev pages, one file per page it names', () => {
    const dir = join(REAL_DIR, 'agreement', 'slogans');
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(50);
    for (const f of files) {
      const reading = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown>;
      expect(`${String(reading.doc)}.json`).toBe(f);
      // Agreement is measured where rules are tuned, never on the frozen test split.
      expect(sideOf(String(reading.doc)), f).toBe('dev');
      for (const key of ['slogans', 'notSlogans', 'ignoredQuotes'])
        expect(Array.isArray(reading[key]), `${f} ${key}`).toBe(true);
    }
  });
});

/** Scores of one side of the split. */
async function scoresOf(ids: readonly string[]): Promise<CaseScore[]> {
  const wanted = new Set(ids);
  const cases = (await loadGoldCases(join(REAL_DIR, 'pages'), join(REAL_DIR, 'gold'))).filter((c) =>
    wanted.has(c.name),
  );
  return evaluateCases(cases, annotate);
}

describe('accuracy on the frozen test split (floors: what the engine reaches now)', () => {
  // The floors sit at or just below today's figures so that a change that loses accuracy fails
  // here; the history of each figure, round by round, is in the closing notes and the git log.
  let scores: CaseScore[];
  beforeAll(async () => {
    scores = await scoresOf(split?.test ?? []);
  });

  it('detects the reports and annotates no other page by itself', () => {
    const { correct, total } = countDetection(scores);
    // Target 0.97; 3,211 of 3,303 (0.972, 95% 0.966–0.978) now, after the session-36 refit (a
    // pronoun in a slogan or a title, a firm in a list and 是指引 no longer count against a report;
    // pronoun rates over at least 600 characters; threshold 0.70): 12 more reports found, 7 more
    // negatives annotated (8 new, ob002 no longer); 3,206 before it; 3,204 of 3,303 before another
    // state's organs (老挝国会, 越南政府) counted as its government news; 3,162 of 3,258 (0.971) before
    // the rounds rk–rr; 3,122 of 3,213 (0.972) before the rounds rc–rj; 3,079 of 3,167 (0.972) before the rounds qu–rb (a refit on the rounds qe–qt,
    // threshold 0.72 → 0.66, was not kept: 17 more dev negatives annotated for 19 fewer reports
    // missed); 2,956 of 3,035 (0.974, 95% 0.969–0.980) after the refit on the rounds
    // oy–pv (threshold 0.69 → 0.72: 8 more reports found, 3 more negatives annotated; 2,951
    // before it); 2,828 of 2,911 after the refit on the rounds oa–ox (threshold 0.73 → 0.69: 23
    // more reports found, 9 more negatives annotated; 2,814 before it); 2,685 of 2,777 after the refit on the rounds nc–nz
    // (threshold 0.72 → 0.73; 2,689 just before it); 2,593 of 2,684 before the share of
    // meetings a jurisdiction or a state body convenes (城郊乡召开) joined the signals (session 27),
    // 0.956 before the count of a
    // county's or a town's words of work (全县, 县领导, 驻村) joined the signals. The threshold is
    // fitted on dev with a negative costing three missed reports, so each refit moves pages on
    // both sides of this figure; the last, on the dev split grown by the rounds lw–nb (threshold
    // 0.78 → 0.75, the same in-sample cost), found six more test reports and annotated three
    // more negatives. Missed now: short items, village Party branches' meetings, visits,
    // rallies, national meetings reposted. Test pages on arrival, before any rule made after
    // them: lo–lv 48 of 53, lw–md 41 of 41, me–ml 43 of 46, mm–mt 41 of 45, mu–nb 41 of 47,
    // nc–nj 50 of 51, nk–nr 43 of 46, ns–nz 45 of 47, oa–oh 47 of 47, oi–op 44 of 45,
    // oq–ox 37 of 42, oy–pf 42 of 42, pg–pn 40 of 41, po–pv 41 of 41,
    // pw–qd 39 of 44, qe–ql 44 of 45 (a street's short item on sanitation missed), qm–qt 40 of 43,
    // qu–rb 43 of 46 (a department's study group, a bureau's working group, a national meeting),
    // rc–rj 40 of 45 (a district congress's opening that lists school projects missed), rk–rr
    // 42 of 45 (every report found; the three errors are negatives, below).
    expect(correct / total).toBeGreaterThanOrEqual(0.96);
    // Target: none. These negatives read like reports: university, college and institute Party
    // committees and study groups, novels' county meetings and standing committees, a travel page
    // on conference tourism, a township's basketball match that officials attended, a college's
    // staff congress with its presidium, a job advertisement, village notices and an essay on a
    // village's election committee, a county chronicle, a model speech, a courier firm's Party
    // branch founded before county officials, a monastery's festival that leaders attended, a
    // Chinese site's item on Korea's cabinet, a civilisation office's sports item, state
    // enterprises' visits, a democratic party's branch meetings, a forum's repost of a
    // delegation's visit, an encyclopaedia-like page on a village's two committees, a forum's
    // and a provincial civilisation site's items, an institute's Party branch founded and a
    // university's deployment of village first secretaries (round na), a university's news and a
    // novel's chapter (after the session-27 refit, in place of a forum's and an institute's), a
    // listed company's Party committee and a novel's chapter (rounds np, nr); after the refit on
    // nc–nz, a forum's repost and a Matsu news item in place of a sports item, a novel's chapter
    // and a village site's item; an encyclopaedia-like page on a provincial people's congress
    // standing committee (round oo); an academic article on local people's congresses (round ot);
    // after the refit on oa–ox, state groups' Party committees, novels' county meetings, a sports
    // item, village notices and an essay on a village election, a rural credit union's review and
    // a Taiwan county's meeting; an encyclopaedia's entry on a county people's congress standing
    // committee (round pl); after the refit on oy–pv, a hospital's page, an academy institute's
    // news, a sports item and a novel's chapter in place of a forum's repost; on arrival of pw–qd, a
    // directory page on a township, two county chronicles, a model open letter to villagers and a
    // university's item on its members at a city CPPCC session; on arrival of qm–qt, a county
    // chronicle's month, a model speech and a bank branch's Party-history theme day; on arrival of
    // rc–rj, a farming cooperative's dividend meeting, an explainer on people's congresses, an
    // essay on past plenums and a law firm's Party group; on arrival of rk–rr, a model speech (two
    // Vietnamese items, on its government office's Party congress and its National Assembly, also
    // annotated on arrival, are no longer: see foreignStates in the detection lexicon); they are on the frozen split, so no rule was made for them.
    expect(scores.filter((s) => !s.expectedGov && s.detectedGov).map((s) => s.name)).toEqual([
      'bc024',
      'br026',
      'bs025',
      'bz010',
      'ch101',
      'cq022',
      'cu023',
      'cz001',
      'du014',
      'ed022',
      'ee005',
      'es024',
      'ew023',
      'fe016',
      'fk020',
      'fn003',
      'fn004',
      'fo016',
      'gd014',
      'ge016',
      'gp016',
      'gr007',
      'gx013',
      'hk016',
      'hm016',
      'ia014',
      'ir014',
      'iu014',
      'jj016',
      'jk014',
      'jv016',
      'ka016',
      'ki014',
      'kp015',
      'kv016',
      'le002',
      'lp015',
      'lt014',
      'mh016',
      'mi016',
      'mk007',
      'ml013',
      'mt007',
      'na015',
      'np016',
      'nr016',
      'oi015',
      'oo016',
      'ot013',
      'ov014',
      'pd012',
      'pl001',
      'pp016',
      'pw011',
      'pw016',
      'qb011',
      'qb012',
      'qd014',
      'qq006',
      'qq008',
      'qs015',
      'rf015',
      'rh003',
      'rh010',
      'rh011',
      'rn015',
      'u007',
      'u009',
    ]);
  });

  it('finds officials with precision ≥ 0.97 and F1 ≥ 0.96', () => {
    const prf = computePrf(sumTallies(scores, 'officials'));
    expect(prf.precision).toBeGreaterThanOrEqual(0.97);
    // 0.982 now; most of what is missed stands in long lists the reading stops before.
    expect(prf.f1).toBeGreaterThanOrEqual(0.965);
  });

  it('reads meeting ordinals with F1 ≥ 0.97 and slogans with F1 ≥ 0.9 (target 0.93: 0.914 now)', () => {
    expect(computePrf(sumTallies(scores, 'meetings')).f1).toBeGreaterThanOrEqual(0.97);
    // Below the target: the gold disagrees with itself on single characters and metaphors in
    // scare quotes (“干”, “冲锋号”), which rounds annotated both ways. The floor was 0.92 until
    // the rounds he–hj added 35 test pages whose slogans scored 0.88 and 0.77 on arrival, and
    // 0.915 until the rounds io–it added 33 whose slogans scored 0.82, and 0.91 until the rounds
    // js–jz and ka–kh added 97 whose slogans scored 0.80 and 0.88, and 0.905 until the rounds
    // ki–kx added 99 whose slogans scored 0.88 and 0.71 (metaphors in scare quotes).
    expect(computePrf(sumTallies(scores, 'slogans')).f1).toBeGreaterThanOrEqual(0.9);
  });
});

describe('accuracy on the dev split', () => {
  it('stays where tuning left it', async () => {
    const scores = await scoresOf(split?.dev ?? []);
    // In-sample for the detection fit: 5,820 of 6,011 (0.968) after the session-36 refit (25
    // more reports found and 25 more negatives annotated than with session 35's weights; a refit of
    // session 35's features has threshold 0.82, where the new features miss 4 more reports and
    // annotate 4 fewer negatives); 5,822 with departments' short names as no names (session 47);
    // 5,820 of 6,011 with the rounds rk–rr and another
    // state's organs as its government news (5,814 before); 5,738 of
    // 5,928 (0.968) with the rounds rc–rj; 5,663 of
    // 5,846 (0.969) with the rounds qu–rb; 5,589 of
    // 5,765 (0.969) with the rounds qe–qt; 5,349 of
    // 5,521 (0.969) after the refit on the rounds oy–pv
    // (5,348 before it: 12 fewer reports missed, 11 more negatives annotated), 5,106 of 5,266
    // (0.970) after the refit on the rounds oa–ox
    // (5,099 before it: 24 fewer reports missed, 17 more negatives annotated),
    // 4,858 of 5,026 (0.967) after the refit on the rounds nc–nz,
    // 4,780 of 4,946 (0.966) with the rounds nk–nr, 4,704 of 4,864
    // (0.967) after the session-27 refit with the
    // share of meetings a state body convenes (4,686 without it); 4,613 of 4,788 (0.963) after the
    // refit on the rounds lw–nb, 0.958 before the count of a county's words of work. The reports missed are short
    // ones with few signals, weekly round-ups, inspection visits, village Party branches' meetings
    // and national meetings reposted. The floor was 0.955 before that signal.
    const { correct, total } = countDetection(scores);
    expect(correct / total).toBeGreaterThanOrEqual(0.96);
    // Novels' meeting scenes written as reports, colleges', universities' and state enterprises'
    // Party meetings, reference pages and local histories of Party congresses, templates of
    // speeches, forums' reposts of county news, encyclopaedias' entries on a prefecture, a
    // province's people's congress and a township, county chronicles, a rural bank's Party
    // committee at its study, a Hong Kong paper's item on district councils' rules, a local
    // history site's biography, a county's Naadam festival, a law firm's partners' meeting and a
    // state bank's anniversary that a vice-governor addressed (the last two from the rounds
    // mm–mt); from the rounds mu–nb, a national village heads' forum that a county co-hosted, a
    // democratic party's column on a CPPCC session, Taiwan county governments' news and a
    // Vietnamese government meeting; after the session-27 refit, a Kinmen tourism page, a novel's
    // chapter, two local papers' items and a democratic party's provincial committee (round nf),
    // and an encyclopaedia-like page on people's congresses (round nw); a primary school's
    // Party committee studying national meetings (once 国务院 and 政治局 counted as state bodies)
    // and a bank branch hosting a Party-building meeting (round op); after the refit on oa–ox
    // (threshold 0.69), 17 more of the same kinds; on arrival of oy–pf, a university's meeting
    // on Party discipline and a Taiwan paper's item on Thailand's cabinet; on arrival of pg–pn, a
    // county chronicle, a model speech, a village staff hiring notice, Korea's cabinet, a
    // democratic party's standing committee and a county federation of industry and commerce;
    // after the refit on oy–pv (threshold 0.72), 12 more of the same kinds (state enterprises,
    // novels, forums, a university office, news sites' items) and a Taiwan county's item fewer; on
    // arrival of pw–qd, a township's profile page on a county site, a state bank branch's
    // Party-building visit and a county chronicle's section; on arrival of qm–qt, a novel's county
    // standing committee and a democratic party's city congress; on arrival of qu–rb, a hospital's
    // working group and its study of a city plenum, a village's rules for its two committees and
    // its representatives' meeting, and a tourism item on a provincial government's site (a
    // bank's study group, also annotated on arrival, is no longer: see the convener's units); on
    // arrival of rc–rj, a district chronicle and a county chronicle, three democratic parties'
    // committees (the corpus's gold calls such meetings reports on other pages, so no rule) and a
    // community sports item on a civilisation office's site; on arrival of rk–rr, a notice of
    // residents' committee elections. Items on Vietnam's, Korea's, Japan's, Thailand's and Laos's
    // governments named above are no longer annotated since another state's organs count as its
    // government news. Two novels' meeting scenes (o026, oj002) are no longer annotated since
    // departments' short names (武装, 公安) are no names.
    expect(scores.filter((s) => !s.expectedGov && s.detectedGov).map((s) => s.name)).toEqual([
      'af033',
      'al032',
      'am032',
      'am033',
      'ba027',
      'ba028',
      'bi023',
      'bi029',
      'bj024',
      'bl029',
      'bu101',
      'bu107',
      'bw023',
      'cc020',
      'cj009',
      'cl015',
      'cq018',
      'cw006',
      'cz005',
      'da014',
      'df019',
      'di020',
      'dn009',
      'do025',
      'dq008',
      'dt003',
      'dt004',
      'dt010',
      'du006',
      'dv022',
      'ej023',
      'ek018',
      'eo004',
      'er023',
      'er024',
      'eu021',
      'fe020',
      'fi012',
      'fo020',
      'fr017',
      'fz013',
      'ga015',
      'ga016',
      'gc004',
      'gi006',
      'go016',
      'gq016',
      'gr006',
      'gr009',
      'gt013',
      'gx015',
      'gy014',
      'gz013',
      'h008',
      'hd016',
      'hk014',
      'hs014',
      'ht016',
      'i036',
      'ik016',
      'iz013',
      'iz014',
      'iz015',
      'ja016',
      'jv015',
      'jy016',
      'kg014',
      'ks015',
      'ky016',
      'ln016',
      'lp016',
      'ly014',
      'ly015',
      'mb016',
      'mh014',
      'mk002',
      'mk009',
      'ml014',
      'mn015',
      'mp014',
      'mq016',
      'mt008',
      'mu012',
      'mu013',
      'mx009',
      'mz014',
      'nb006',
      'nb014',
      'nf014',
      'nw011',
      'op015',
      'p009',
      'pc011',
      'pf016',
      'pl002',
      'pl003',
      'pl005',
      'pl010',
      'pl011',
      'pw010',
      'qb002',
      'qb014',
      'qm012',
      'qn015',
      'qo014',
      'qq010',
      'qv016',
      'qw016',
      'qy015',
      'ra001',
      'rb014',
      'rc016',
      'rh001',
      'rh002',
      'rh005',
      'rh006',
      'rh012',
      'rq015',
      's031',
      'u016',
      'w020',
      'x059',
      'x070',
    ]);
    expect(computePrf(sumTallies(scores, 'officials')).f1).toBeGreaterThanOrEqual(0.985);
    expect(computePrf(sumTallies(scores, 'meetings')).f1).toBeGreaterThanOrEqual(0.975);
    // 0.925 now. The floor is loose: early rounds' annotators left emphasised single characters
    // and epithets (“实”, 圣城) out of the slogans, later ones put them in.
    expect(computePrf(sumTallies(scores, 'slogans')).f1).toBeGreaterThanOrEqual(0.9);
  });
});

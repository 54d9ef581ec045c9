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
  let scores: CaseScore[];
  beforeAll(async () => {
    scores = await scoresOf(split?.test ?? []);
  });

  it('detects the reports and annotates no other page by itself', () => {
    const { correct, total } = countDetection(scores);
    // Target 0.97: 678 of 701 (0.967) after session 10 (650 of 671 after its last refit, one
    // page short; each refit moved it between 0.969 and 0.976; 477 of 496 after session 9),
    // once detection had learned 《…》第三卷 is a citation, 网讯 a dateline and 人大 a body.
    // Session 11 reads who convenes (an association, a school): 684 of those 701; with the
    // rounds bq/br/bs and bt/bu/bv, an association's own words and a refit (threshold 0.77),
    // 748 of 769 (0.973); with the rounds bw/bx/by (fresh: 24 of 25), bz/ca/cb (fresh: 22 of
    // 22) and cc/cd/ce (fresh: 21 of 21), 815 of 837 (0.974). Session 12 (school conveners,
    // story particles, refit; fresh round cf/cg/ch: 20 of 20): 841 of 857 (0.981); with the
    // round ci/cj/ck (fresh: 22 of 23, no negative annotated) and a refit, 861 of 880 (0.978).
    // Reading 着 (坐着) as narration, the round cl/cm/cn (fresh: 26 of 30) and a refit
    // (threshold 0.71): 894 of 910 (0.982). Session 13's fresh round co/cp/cq (20 of 21: cq022,
    // a travel page on conference tourism, annotated): 914 of 931, 915 after its refit; the
    // round cr/cs/ct (fresh: 20 of 22, two inspection visits missed, no negative annotated):
    // 935 of 953 (0.981), and 933 after the refit on its dev pages (threshold 0.69), which
    // annotates ck026 and w014 (both at 0.69). A threshold taken from held-out scores (0.84) was
    // tried in session 12: one negative fewer, but 882 of 910 and a bare dev report (aa012) no
    // longer annotated in the browsers. Session 14's round cu/cv/cw (fresh: 19 of 22, two
    // encyclopaedia pages annotated): 952 of 975 (0.976); reading 他强调 as a report's and a
    // refit on the dev split (threshold 0.70; dev cost 79, was 80; held-out 5-fold cost 108,
    // was 111): 949 of 975 (0.973), bm024 annotated. Folding a traditional page's 著 to the
    // 着 of 坐着 and 着力 and a refit (threshold 0.71; dev cost 73, held-out 104): 947 of 975
    // (0.971), bs025 and x032 annotated. Reading 他说, (他说,要…: reported speech; a story's
    // 他说 opens a quotation) as a report's and a refit (threshold 0.64; dev cost 72, held-out
    // 94): bs025, w014 and x050 left alone, 951 of 975. With the round cx/cy/cz (fresh: 29 of
    // 29): 980 of 1,004 (0.976). A bank's branches (分行, 总行) and a Party committee's study
    // group (中心组) as conveners, refit on the 1,885 dev pages (threshold 0.71; dev cost 74
    // against 77 for a refit without them, held-out 102 both): 981 of 1,004 (0.977), ck015 (a
    // bank's staff congress) left alone. With the round da/db (fresh: 14 of 14): 995 of 1,018
    // (0.977). Session 15's round dc/dd/de (fresh: 18 of 19, a report missed): 1,013 of 1,037
    // (0.977); its round df/dg (fresh: 9 of 10, dg019 annotated): 1,022 of 1,047 (0.976); its
    // round dh/di after the session's rules (fresh: 22 of 22): 1,044 of 1,069 (0.977). A refit
    // on the 2,003 dev pages with the session's features (字体大小 no novel's chrome, 我局 no
    // first person; threshold 0.73, dev in-sample cost 78 against 79 for the weights before):
    // 1,046 of 1,069 (0.978), bn027 and dg019 left alone. Session 16's round dj/dk/dl (fresh:
    // 25 of 27, two reports missed, no negative annotated): 1,071 of 1,096 (0.977). Session 17's
    // round dm/dn/do (fresh: 23 of 25, two reports missed, no negative annotated): 1,094 of
    // 1,121 (0.976). Reading a definition (…的简称, 是指…: a reference page's) and a refit whose
    // threshold comes from held-out dev scores (0.78; the in-sample choice was 0.66, held-out
    // cost 106 against 114): 1,091 of 1,121 (0.973), cw012 and x032 left alone. The round dp/dq,
    // scored after the session's rules (fresh: 16 of 16): 1,107 of 1,137 (0.974); 1,108 after a
    // refit on the 2,132 dev pages it joined (threshold 0.77). The round dr/ds, scored after that
    // (fresh: 12 of 12): 1,120 of 1,149 (0.975); the round dt with the end code (fresh: 6 of 6):
    // 1,126 of 1,155 (0.975). Session 18's round du/dv, scored on the code it found (fresh: 14 of
    // 15, du003 missed): 1,140 of 1,170 (0.974). Counting a 党委, 党组 or 纪委 as a state body only
    // after a place or a state office (镇党委, 局党组; not 校党委 or a bare 党委书记) and a refit on
    // the 2,210 dev pages (threshold 0.73; held-out 5-fold cost 125 against 134 without it):
    // 1,139 of 1,170 (0.974), bm024 left alone and bs025 (a novel) annotated.
    // The round dw/dx, scored after that (fresh: 22 of 23, a report missed): 1,161 of 1,193
    // (0.973); the round dy/dz (fresh: 17 of 17): 1,178 of 1,210 (0.974); the round ea/eb, scored
    // after the session's meeting rules (fresh: 18 of 18): 1,196 of 1,228 (0.974); the round ec/ed,
    // scored after its later rules (fresh: 27 of 27): 1,223 of 1,255 (0.975). A quotation after
    // 街道 or 渠道 (街道“大工委”) read as no dialogue and a refit on the 2,324 dev pages (threshold
    // 0.73; held-out 5-fold cost 124 against 128 without it): 1,225 of 1,255 (0.976), ch108 (a
    // novel) annotated. The round ee/ef, scored after the session's last rule (fresh: 15 of 16,
    // ee005, a university's discipline news on a spam site, annotated): 1,240 of 1,271 (0.976).
    // The rounds eg/eh/ei/ej of session 19 (fresh: 11 of 12, 10 of 10, 23 of 23; eg003, a
    // township's forum of branch secretaries, missed): 1,284 of 1,316 (0.976). The rounds
    // ek/el/em/en, scored after the session's rules (fresh: 23 of 24, ek009 missed; 7 of 7):
    // 1,314 of 1,347 (0.975). The rounds eo/ep/eq/er, scored after the officials rules that
    // followed (fresh: 8 of 9, 8 of 8, 13 of 14; eo009 and er010 missed): 1,343 of 1,378 (0.975).
    // The rounds es/et/eu/ev, scored after the records rules (fresh: 35 of 36, es024, a county's
    // sports meeting on a news site, annotated): 1,380 of 1,414 (0.976). Session 19's refit on the
    // 2,603 dev pages (threshold 0.63, held-out 5-fold cost 143; the weights before it came from
    // 2,324 dev pages): 1,380 of 1,414 (0.976), 21 reports missed instead of 24, bm024, bn027,
    // br026 and ed022 annotated, ch108 left alone. The rounds ew/ex/ey/ez, scored after the refit
    // (fresh: 32 of 34; ew016 missed, ew023, a township's basketball match that officials
    // attended, annotated): 1,412 of 1,448 (0.975). The rounds fa/fb, scored after the session's
    // last officials rules (fresh: 17 of 17): 1,429 of 1,465 (0.975). The rounds fc/fd, scored on
    // the session's end code (fresh: 9 of 9): 1,438 of 1,474 (0.976). Session 20's rounds
    // fe–fh (fresh: 29 of 30; fe016, a university's Party standing committee, annotated):
    // 1,467 of 1,504 (0.975). Rounds fi/fj (fresh: 15 of 15): 1,482 of 1,519 (0.976). Rounds fk/fl/fm
    // (fresh: 15 of 17; fl007 missed, fk020, a novel's county standing committee, annotated):
    // 1,497 of 1,536 (0.975). Session 20's reading of biographies and encyclopaedia entries
    // (genre.reference: 历任, 籍贯, 维基百科), chapters named in running text (学习了第二章) read
    // as no story, and a refit on the 2,847 dev pages (threshold 0.81, from held-out dev scores:
    // 5-fold cost 154 against 160 without the reference words, at 0.80 and 0.78): 1,496 of
    // 1,536 (0.974), 32 reports missed instead of 23, 8 negatives annotated instead of 16. The
    // rounds fn/fo/fp, scored after the session's officials and meetings rules (fresh: 19 of 20;
    // fo016, a novel's county Party congress, annotated): 1,515 of 1,556 (0.974). The rounds
    // fq/fr/fs, scored after the rules that followed (fresh: 14 of 14): 1,529 of 1,570 (0.974);
    // the rounds ft/fu/fv (fresh: 21 of 22, ft003 missed): 1,550 of 1,592 (0.974); the rounds
    // fw/fx (fresh: 5 of 5; fx015, a copy of cu023, dropped): 1,555 of 1,597 (0.974); the
    // rounds fy/fz (fresh: 8 of 8): 1,563 of 1,605 (0.974).
    expect(correct / total).toBeGreaterThanOrEqual(0.97);
    // u007 (a university Party standing committee), x050 (a novel with pinyin glosses), bc024
    // (a college Party secretary's visit, fresh round bb/bc/bd), u009 (after session 12's refit)
    // and ck015 (a bank's staff congress, fresh round ci/cj/ck, after the last refit) are
    // annotated by themselves; being on the frozen split, no rule was made for them. bu105 (a
    // novel's county standing committee) is left alone since session 12 read story particles
    // (…了。), l025 (a novel's meeting scene) since it read 着. cu023 and cw012 (encyclopaedia
    // pages on a regional Party committee and on a Party congress) came with session 14's fresh
    // round cu/cv/cw.
    expect(scores.filter((s) => !s.expectedGov && s.detectedGov).map((s) => s.name)).toEqual([
      'bc024',
      'bm024',
      'cq022',
      'ee005',
      'ew023',
      'fk020',
      'fo016',
      'u007',
      'u009',
    ]);
  });

  it('finds officials with precision ≥ 0.97 and F1 ≥ 0.96', () => {
    const prf = computePrf(sumTallies(scores, 'officials'));
    expect(prf.precision).toBeGreaterThanOrEqual(0.97);
    // 0.937 on the 236 pages of session 8; session 9's blind rounds added 260 test pages (fresh
    // officials F1 0.972 for y/z, 0.984 for aa/ab/ac, 0.985 for ad/ae/af, 0.931 for ag/ah/ai,
    // 0.970 for aj/ak/al, 0.986 for am/an/ao, 0.928 for ap/aq/ar, 0.983 for as/at/au) and rules
    // from their dev pages: 0.968 on all 496. Session 10's seven rounds added 205 (fresh 0.982
    // av/aw/ax, 0.985 ay/az/ba, 0.996 bb/bc/bd, 0.982 be/bf/bg, 0.988 bh/bi/bj, 0.989 bk/bl/bm,
    // 0.947 bn/bo/bp after the last rule): 0.972 on all 701. Session 15's round dc/dd/de, aimed
    // at long lists of names (fresh 0.904: recall 0.825), brought all 1,037 to 0.973; its rules
    // (党和国家领导人, 有关领导, rarer surnames) and the round df/dg (fresh 1.000) 0.975 on 1,047;
    // its later rules and the round dh/di (fresh 0.984) 0.977 on 1,069. Session 16's round
    // dj/dk/dl (fresh 0.962: recall 0.935) 0.976 on 1,096, and 0.977 after its rules. Session
    // 17's round dm/dn/do (fresh 0.943: precision 0.943) 0.977 on 1,121; with its round dp/dq,
    // scored after its rules (fresh 1.000), 0.977 on 1,137; with its round dr/ds (fresh 1.000)
    // 0.977 on 1,149; with the round dt (fresh 1.000) 0.977 on 1,155. Session 18's round du/dv
    // (fresh 1.000) 0.978 on 1,170; its round dw/dx (fresh 0.988) 0.978 on 1,193; its round dy/dz
    // (fresh 0.986) 0.978 on 1,210; its round ea/eb (fresh 0.945: recall 0.920) 0.978 on 1,228;
    // its round ec/ed (fresh 0.979) 0.978 on 1,255; its round ee/ef (fresh 0.980) 0.978 on 1,271.
    expect(prf.f1).toBeGreaterThanOrEqual(0.965);
  });

  it('reads meeting ordinals with F1 ≥ 0.97 and slogans with F1 ≥ 0.92 (target 0.93: 0.925 now)', () => {
    expect(computePrf(sumTallies(scores, 'meetings')).f1).toBeGreaterThanOrEqual(0.97);
    // 0.945 after session 8; 0.928 on the 496 pages after session 9 (the 37 fresh am/an/ao
    // test pages scored 0.735, with 10 extra slogans); 0.933 on the 701 pages after session 10,
    // a hair above the target. Session 11's fresh rounds brought it to 0.920 on 769 pages (bq/br/bs
    // test pages 0.667: few slogans, half missed), below the target, and 0.922 on 837 pages at
    // its end. Session 12 (two-character words in scare quotes, long programmes before a policy
    // noun; fresh round cf/cg/ch test pages 0.937): 0.9295 on 857 pages, a hair short; 0.928 on
    // 880 with the round ci/cj/ck (fresh test pages 0.857: 6 of 27 missed); 0.928 on 910 with
    // the round cl/cm/cn (fresh 0.875: 8 of 36 missed); 0.927 on 931 with session 13's round
    // co/cp/cq (fresh 0.894); 0.929 on 953 with the round cr/cs/ct (fresh 0.889); 0.928 on 975
    // with session 14's round cu/cv/cw (fresh 0.870: 2 of 22 missed, 4 extra); 0.926 on 1,004
    // with its round cx/cy/cz (fresh 0.930); 0.926 on 1,018 with the round da/db (fresh 0.886:
    // 8 extra of 39); 0.926 on 1,037 with session 15's round dc/dd/de (fresh 0.970: 1 of 17
    // missed); 0.926 on 1,047 with its round df/dg (no slogan on its 7 test reports); 0.927 on
    // 1,069 with its round dh/di (fresh 0.957); 0.926 on 1,096 with session 16's round dj/dk/dl
    // (fresh 0.900: 2 of 29 missed, 4 extra); 0.927 on 1,121 with session 17's round dm/dn/do
    // (fresh 0.947); 0.929 on 1,137 after its refit and its round dp/dq (fresh 1.000: 2 of 2),
    // 0.927 after the refit on 2,132 dev pages (which pages a story's signs keep slogans off);
    // 0.927 on 1,149 with the round dr/ds (fresh 1.000: 13 of 13), and on 1,155 with the round
    // dt (fresh 0.900: 2 extra of 11). Session 18's round du/dv (fresh 0.636: 8 of 15 missed)
    // brought it to 0.925 on 1,170, below the target; 0.922 after the refit on 2,210 dev pages,
    // and on 1,193 with the round dw/dx (fresh 0.894: 1 of 22 missed, 4 extra), and on 1,210
    // with the round dy/dz (fresh 0.952), and on 1,228 with the round ea/eb (fresh 0.941: 3 of 27
    // missed); 0.923 on 1,255 with the round ec/ed (fresh 0.931: 4 extra of 27); 0.926 after the
    // last refit, and 0.925 on 1,271 with the round ee/ef (fresh 0.878: 4 extra, 1 missed of 19).
    expect(computePrf(sumTallies(scores, 'slogans')).f1).toBeGreaterThanOrEqual(0.92);
  });
});

describe('accuracy on the dev split', () => {
  it('stays where tuning left it', async () => {
    const scores = await scoresOf(split?.dev ?? []);
    // o026 and p009 are novels' meeting scenes written as reports, am033 an encyclopaedia
    // entry on a congress session, x070 a research institute's Party committee, ba027 and bu101
    // colleges' Party meetings, bi023 and h008 novels' county standing committees. Session 12
    // left al032, bw006 and cg012 alone (a school convening: 校…党代会, 学校组织召开, 2021年第二次
    // 校纪委全委会), ar026 (我校) and av024, bu107 and x059 (story particles); the last refit
    // (threshold 0.71) annotates x059 again and ay026, ba028, bk029, bw023, ch105 and cl015
    // (an electricity company serving a county's Party congress); session 13's first refit
    // bv029 (0.71), its second (0.69) cn011 and u016 instead; session 14's fold of 著 to 着
    // on traditional pages leaves bi023 and ch105 (traditional novels: 坐著) alone; reading
    // 他说, as a report's (threshold 0.64) annotates cj009 and ck027. The round cx/cy/cz
    // brought cz005 and cz008 (a research institute's and a bank's Party committee) and cz011
    // (an explainer on a plenum); the bank's convener and the refit on 1,885 pages leave cz008,
    // cj009, ck027 and cn011 alone; the round da/db brought da014 (a speech template on a
    // county head's research trip), the round dc/dd/de dd011 (a Hong Kong Legislative Council
    // meeting), the round df/dg df019 (a novel's business-environment conference), the round
    // dh/di di020 (a state grid company's Party group relaying central meetings), the round
    // dm/dn/do dn009 (a company's news), do020 (an encyclopaedia entry on local plenums) and do025
    // (a university's Party standing committee); reading definitions leaves am033 and cz011
    // alone; the round dp/dq brought dq008 (a novel's meeting scene), left alone by the refit on
    // 2,132 dev pages (threshold 0.77); the round dt brought dt003 (a university's Party office),
    // dt004 (an industrial park's Party committee on a company site) dt010 (a chronicle of a
    // people's congress), and the round du/dv dv022 (a template of a township's meeting rules). Session 18's
    // state bodies (a 党委 only after a place) and refit leave ba028, bk029, di020, do025 and o026
    // alone and annotate am033, bj024, cc020 and dd011 again; its reading of 街道“…” as no
    // dialogue and the refit on 2,324 dev pages annotate cz005 again. Session 19's round eg
    // brought eg022 (a university's news), the round eo eo017 (a county's basketball tournament
    // on its news site), the round er er023 (a university's Party standing committee) and the
    // round eu eu016 (a forum's repost of a county's news) and eu021 (a template speech). Session
    // 19's refit on 2,603 dev pages (threshold 0.63) leaves eg022, eo017 and eu016 alone and
    // annotates bv017, ck027, dq008 and o026.
    // Session 20's rounds fe–fh brought fe020 (a reference page on a leading group), fe021 and
    // fe022 (biographies of officials) and ff016 (a state enterprise's Party news), the rounds
    // fi/fj fi012 (a reference page on a post).
    // Session 20's refit (threshold 0.81) leaves 17 of them alone; the round fo brought fo020 (a
    // local history of a county's Party congresses), the round fr fr017 (a forum's local Party
    // history). Reports missed (75 of 2,994) are short ones
    // with few signals, weekly round-ups, inspection visits, speeches of newly appointed
    // officials (我) and ones whose lists of schools or companies read as another genre. The
    // figure is in-sample for all but the round dt (the fit saw those pages; its threshold comes
    // from held-out scores): 0.968 after session 20's refit, which trades missed reports for
    // negatives annotated.
    const { correct, total } = countDetection(scores);
    expect(correct / total).toBeGreaterThanOrEqual(0.965);
    expect(scores.filter((s) => !s.expectedGov && s.detectedGov).map((s) => s.name)).toEqual([
      'ba027',
      'bu101',
      'bw023',
      'cl015',
      'da014',
      'df019',
      'dn009',
      'dq008',
      'dt003',
      'dt004',
      'dt010',
      'eu021',
      'fe020',
      'fo020',
      'fr017',
      'h008',
      'p009',
      'u016',
      'x070',
    ]);
    expect(computePrf(sumTallies(scores, 'officials')).f1).toBeGreaterThanOrEqual(0.985);
    expect(computePrf(sumTallies(scores, 'meetings')).f1).toBeGreaterThanOrEqual(0.975);
    // 0.933 before session 9's rounds, whose annotators left emphasised single characters and
    // epithets (“实”, 圣城) out of the slogans: 0.905.
    expect(computePrf(sumTallies(scores, 'slogans')).f1).toBeGreaterThanOrEqual(0.9);
  });
});

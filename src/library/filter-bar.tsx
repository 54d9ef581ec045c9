/** Filters of the library: kind, official, meeting body, site, tag and date range. */
import type { ClipQuery } from '../core/clips/filters';
import { t, type UiKey } from '../ui/i18n';

/** Query without paging. */
export type LibraryQuery = Omit<ClipQuery, 'limit' | 'offset'>;

/** The filters of a query (everything but the search text). */
export type FilterQuery = Omit<LibraryQuery, 'text'>;

interface Choices {
  sites: string[];
  tags: string[];
  officials: string[];
  meetingBodies: string[];
}

function Select(props: {
  label: UiKey;
  name: keyof FilterQuery;
  value: string | undefined;
  options: readonly { value: string; label: string }[];
  onChange: (name: keyof FilterQuery, value: string) => void;
}) {
  return (
    <label class="filter">
      {t(props.label)}
      <select
        name={props.name}
        value={props.value ?? ''}
        onChange={(e) => props.onChange(props.name, e.currentTarget.value)}
      >
        <option value="">{t('uiFilterAny')}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

function DateInput(props: {
  label: UiKey;
  name: 'from' | 'to';
  value: string | undefined;
  onChange: (name: keyof FilterQuery, value: string) => void;
}) {
  return (
    <label class="filter">
      {t(props.label)}
      <input
        type="date"
        name={props.name}
        value={props.value ?? ''}
        onChange={(e) => props.onChange(props.name, e.currentTarget.value)}
      />
    </label>
  );
}

const asOptions = (xs: readonly string[]) => xs.map((x) => ({ value: x, label: x }));

/** Filters chosen from the values seen in the clips: label, query field, list of choices. */
const LIST_FILTERS = [
  ['uiFilterOfficial', 'official', 'officials'],
  ['uiFilterMeetingBody', 'meetingBody', 'meetingBodies'],
  ['uiFilterSite', 'site', 'sites'],
  ['uiFilterTag', 'tag', 'tags'],
] as const satisfies ReadonlyArray<readonly [UiKey, keyof FilterQuery, keyof Choices]>;

/** The filter controls. */
export function FilterBar(props: {
  filters: FilterQuery;
  choices: Choices;
  onChange: (filters: FilterQuery) => void;
}) {
  const query = props.filters;
  const set = (name: keyof FilterQuery, value: string) => {
    const next: FilterQuery = { ...query };
    if (value) (next as Record<string, string>)[name] = value;
    else delete next[name];
    // A person's or a series' clips were chosen by its key: another name or body starts afresh.
    if (name === 'official' || name === 'meetingBody') delete next.clipIds;
    props.onChange(next);
  };
  return (
    <fieldset class="filter-bar">
      <Select
        label="uiFilterKind"
        name="kind"
        value={query.kind}
        options={[
          { value: 'official', label: t('uiKindOfficial') },
          { value: 'meeting', label: t('uiKindMeeting') },
          { value: 'directive', label: t('uiKindDirective') },
        ]}
        onChange={set}
      />
      {LIST_FILTERS.map(([label, name, choice]) => (
        <Select
          key={name}
          label={label}
          name={name}
          value={query[name]}
          options={asOptions(props.choices[choice])}
          onChange={set}
        />
      ))}
      <DateInput label="uiFilterFrom" name="from" value={query.from} onChange={set} />
      <DateInput label="uiFilterTo" name="to" value={query.to} onChange={set} />
      <button type="button" class="clear-filters" onClick={() => props.onChange({})}>
        {t('uiClearFilters')}
      </button>
    </fieldset>
  );
}

import { Select } from 'antd';

export interface FilterChoice<V extends string> {
  value: V;
  label: string;
}

/**
 * One labelled filter above a list: a select whose first choice ('') means "all", the rest as given.
 * `searchable` lets long lists (agencies, actions, months) be narrowed by typing.
 */
export function FilterSelect<V extends string>({
  id,
  label,
  allLabel,
  value,
  choices,
  width,
  searchable = false,
  onChange,
}: {
  id: string;
  label: string;
  allLabel: string;
  value: V | '';
  choices: ReadonlyArray<FilterChoice<V>>;
  width: string;
  searchable?: boolean;
  onChange: (value: V | '') => void;
}) {
  return (
    <div>
      <label className="console-label" htmlFor={id}>
        {label}
      </label>
      <Select<V | ''>
        id={id}
        showSearch={searchable ? { optionFilterProp: 'label' } : undefined}
        value={value}
        style={{ width }}
        onChange={onChange}
        options={[{ value: '', label: allLabel }, ...choices]}
      />
    </div>
  );
}

import type { ComponentChildren } from 'preact';

/** A group of radio buttons for one setting. */
export function Choice<T extends string>(props: {
  legend: string;
  name: string;
  value: T | undefined;
  options: readonly { value: T; label: string }[];
  onChange: (v: T) => void;
  children?: ComponentChildren;
}) {
  return (
    <fieldset class="choice">
      <legend>{props.legend}</legend>
      {props.options.map((o) => (
        <label key={o.value} class="radio">
          <input
            type="radio"
            name={props.name}
            value={o.value}
            checked={props.value === o.value}
            onChange={() => props.onChange(o.value)}
          />
          <span>{o.label}</span>
        </label>
      ))}
      {props.children}
    </fieldset>
  );
}

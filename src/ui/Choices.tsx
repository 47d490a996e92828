interface Props<T extends string> {
  legend: string;
  /** The radio group's name, unique on the page. */
  name: string;
  choices: readonly T[];
  value: T;
  text: (choice: T) => string;
  onChange: (choice: T) => void;
}

/** One of a few choices (a site's label, a custom site's usual use): radio buttons in a fieldset. */
export function Choices<T extends string>({ legend, name, choices, value, text, onChange }: Props<T>) {
  return (
    <fieldset class="override">
      <legend>{legend}</legend>
      {choices.map((choice) => (
        <label key={choice} class="override__option">
          <input type="radio" name={name} value={choice} checked={value === choice} onChange={() => onChange(choice)} />
          <span>{text(choice)}</span>
        </label>
      ))}
    </fieldset>
  );
}

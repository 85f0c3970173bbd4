/** A wizard form element as the Wizard-API sends it (reference §3.9). */
export interface FormElement {
  type: string;
  name: string;
  label: string;
  value?: unknown;
  validation?: string;
  invalid?: boolean;
  failed_validation_rules?: string | string[];
  validation_error?: string;
  [extra: string]: unknown;
}

export interface Form {
  name: string;
  elements: FormElement[];
}

/** Field problems to show on a re-rendered form, by element name. */
export type FieldErrors = Record<string, { rule: string; message: string }>;

export const field = (
  type: string,
  name: string,
  label: string,
  extra: Partial<FormElement> = {},
): FormElement => ({
  type,
  name,
  label,
  invalid: false,
  failed_validation_rules: '',
  validation_error: '',
  ...extra,
});

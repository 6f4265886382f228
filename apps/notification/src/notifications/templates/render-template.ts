import { MESSAGE_TEMPLATES, type MessageTemplate, type PlaceholderOf, type TemplateKey } from './message-templates';

export interface RenderedMessage {
  readonly subject: string;
  readonly body: string;
  /** The SMS form, for a template that has one. */
  readonly sms?: string;
}

export type TemplateVariables = Readonly<Record<string, string>>;

export class MissingTemplateVariable extends Error {
  constructor(readonly variable: string) {
    super(`template placeholder {${variable}} has no value`);
    this.name = 'MissingTemplateVariable';
  }
}

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** The placeholders a text uses, in order of first use. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]))];
}

/** Fills `{name}` placeholders. A placeholder without a value throws: a half-rendered letter is never sent. */
export function render(template: Pick<MessageTemplate, 'subject' | 'body' | 'sms'>, variables: TemplateVariables): RenderedMessage {
  const fill = (text: string) =>
    text.replace(PLACEHOLDER, (_, name: string) => {
      const value = Object.hasOwn(variables, name) ? variables[name] : undefined;
      if (value === undefined) throw new MissingTemplateVariable(name);
      return value;
    });
  const message = { subject: fill(template.subject), body: fill(template.body) };
  return template.sms === undefined ? message : { ...message, sms: fill(template.sms) };
}

/** Renders a template with a value for each placeholder it declares: the compiler holds every rule to the list. */
export function renderTemplate<K extends TemplateKey>(key: K, variables: Readonly<Record<PlaceholderOf<K>, string>>): RenderedMessage {
  return render(MESSAGE_TEMPLATES[key], variables);
}

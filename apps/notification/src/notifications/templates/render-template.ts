import { MESSAGE_TEMPLATES, type MessageTemplate, type TemplateKey } from './message-templates';

export interface RenderedMessage {
  readonly subject: string;
  readonly body: string;
}

export type TemplateVariables = Readonly<Record<string, string>>;

export class MissingTemplateVariable extends Error {
  constructor(readonly variable: string) {
    super(`template placeholder {${variable}} has no value`);
    this.name = 'MissingTemplateVariable';
  }
}

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** Fills `{name}` placeholders. A placeholder without a value throws: a half-rendered letter is never sent. */
export function render(template: MessageTemplate, variables: TemplateVariables): RenderedMessage {
  const fill = (text: string) =>
    text.replace(PLACEHOLDER, (_, name: string) => {
      const value = Object.hasOwn(variables, name) ? variables[name] : undefined;
      if (value === undefined) throw new MissingTemplateVariable(name);
      return value;
    });
  return { subject: fill(template.subject), body: fill(template.body) };
}

export function renderTemplate(key: TemplateKey, variables: TemplateVariables): RenderedMessage {
  return render(MESSAGE_TEMPLATES[key], variables);
}

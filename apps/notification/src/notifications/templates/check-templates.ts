import type { MessageTemplate } from './message-templates';
import { placeholdersIn } from './render-template';

/** A template uses a placeholder it does not declare (and so no rule supplies): the service must not start. */
export class UndeclaredPlaceholder extends Error {
  constructor(
    readonly templateKey: string,
    readonly placeholder: string,
    readonly part: 'subject' | 'body' | 'sms',
  ) {
    super(`template ${templateKey}: its ${part} uses {${placeholder}}, which the template does not declare and its rule does not supply`);
    this.name = 'UndeclaredPlaceholder';
  }
}

/**
 * Checks every template at start: each `{placeholder}` of its subject, body and SMS form is one it declares. The
 * rules fill exactly the declared ones (`renderTemplate` is typed by them), so a declared placeholder is a supplied
 * one; what is left to check is the text, which the compiler cannot read. An applicant's template without an SMS
 * form fails too: a phone number is all many applicants give.
 */
export function checkTemplates(templates: Readonly<Record<string, MessageTemplate>>): void {
  for (const [key, template] of Object.entries(templates)) {
    if (template.audience === 'applicant' && !template.sms?.trim()) {
      throw new Error(`template ${key}: an applicant's template needs its SMS form`);
    }
    for (const part of ['subject', 'body', 'sms'] as const) {
      const undeclared = placeholdersIn(template[part] ?? '').find((name) => !Object.hasOwn(template.placeholders, name));
      if (undeclared) throw new UndeclaredPlaceholder(key, undeclared, part);
    }
  }
}

import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { Refusal } from '@motcua/errors';
import { checkTemplates } from './check-templates';
import { MESSAGE_TEMPLATES, type MessageTemplate, type TemplateKey } from './message-templates';
import { type RenderedMessage, placeholdersIn, render } from './render-template';

/** A template with its key, as operators read it. */
export interface DescribedTemplate extends MessageTemplate {
  readonly key: TemplateKey;
}

/**
 * The message templates as the service runs them: checked once at start (a template using a placeholder it does not
 * declare stops the service, naming both), listed for operators, rendered with values an operator gives.
 */
@Injectable()
export class TemplateCatalogue implements OnModuleInit {
  private readonly logger = new Logger(TemplateCatalogue.name);

  constructor(private readonly templates: Readonly<Record<TemplateKey, MessageTemplate>> = MESSAGE_TEMPLATES) {}

  onModuleInit(): void {
    checkTemplates(this.templates);
    this.logger.log({ templates: Object.keys(this.templates).length }, 'message templates checked');
  }

  list(): DescribedTemplate[] {
    return (Object.keys(this.templates) as TemplateKey[]).map((key) => ({ key, ...this.templates[key] }));
  }

  /**
   * The message a template gives with these values, in every form it has. Refused: a key no template has, and a
   * placeholder the texts use without a value (each one named, so the operator sees all at once).
   */
  preview(key: string, values: Readonly<Record<string, string>>): RenderedMessage {
    const template = Object.hasOwn(this.templates, key) ? this.templates[key as TemplateKey] : undefined;
    if (!template) throw new Refusal('TEMPLATE.NOT_FOUND', `No message template has the key ${key}`);
    const used = placeholdersIn([template.subject, template.body, template.sms ?? ''].join('\n'));
    const missing = used.filter((name) => !Object.hasOwn(values, name));
    if (missing.length > 0) {
      throw new Refusal(
        'TEMPLATE.PLACEHOLDER_MISSING',
        `Template ${key} needs a value for ${missing.map((name) => `{${name}}`).join(', ')}`,
        missing.map((name) => ({ field: `values.${name}`, code: 'PLACEHOLDER_MISSING', message: `{${name}}: ${template.placeholders[name]}` })),
      );
    }
    return render(template, values);
  }
}

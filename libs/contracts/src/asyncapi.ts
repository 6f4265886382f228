import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';
import type { EventClass } from './event';
import { type PayloadSchema, payloadSchemas, schemaNameOf } from './payload-schemas';
import { EVENT_CLASSES } from './registry';

/** Where the document is kept, from the repository's root. */
export const ASYNCAPI_FILE = 'docs/asyncapi.json';

/** The document as it is written to `ASYNCAPI_FILE`, its version the suite's (package.json). */
export function asyncApiJson(): string {
  const { version } = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { version: string };
  return `${JSON.stringify(asyncApiDocument(version), null, 2)}\n`;
}

/**
 * The AsyncAPI 3.0 document of the integration events (architecture.md §6), made from the contract classes: their
 * class-validator rules become JSON Schemas (`class-validator-jsonschema`), their doc comments the descriptions.
 * `npm run asyncapi` writes it to `docs/asyncapi.json`; a unit test fails when that file is not what the classes
 * make. Not part of the package's index: the services never load it.
 */
export function asyncApiDocument(version: string): Record<string, unknown> {
  const descriptions = docComments(__dirname);
  const events = [...EVENT_CLASSES.values()].sort((a, b) => a.type.localeCompare(b.type));
  const schemas = eventSchemas(events, descriptions);
  const messages: Record<string, unknown> = {};
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  for (const cls of events) {
    const id = cls.name;
    const description = descriptions.get(id);
    messages[id] = {
      name: cls.type,
      title: cls.type,
      summary: description?.split('\n')[0],
      contentType: 'application/json',
      headers: { $ref: '#/components/schemas/EventHeaders' },
      payload: { $ref: `#/components/schemas/${id}` },
      bindings: { amqp: { messageType: cls.type, bindingVersion: '0.3.0' } },
      'x-event-version': cls.version,
    };
    channels[id] = {
      address: cls.type,
      title: cls.type,
      description: `Published to the topic exchange \`motcua.events\` with the event type as routing key; a consumer binds its queue to it.`,
      messages: { [id]: { $ref: `#/components/messages/${id}` } },
      bindings: {
        amqp: {
          is: 'routingKey',
          exchange: { name: 'motcua.events', type: 'topic', durable: true, autoDelete: false, vhost: '/' },
          bindingVersion: '0.3.0',
        },
      },
    };
    operations[`${id}.publish`] = {
      action: 'send',
      title: `${producerOf(cls.type)} publishes ${cls.type}`,
      description,
      channel: { $ref: `#/channels/${id}` },
      messages: [{ $ref: `#/channels/${id}/messages/${id}` }],
      bindings: { amqp: { deliveryMode: 2, bindingVersion: '0.3.0' } },
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Một Cửa integration events',
      version,
      description: [
        'The events the services of the one-stop suite publish through RabbitMQ: a public interface (the National Public Service Portal adapter subscribes to them).',
        'Each message is JSON with the AMQP properties `message-id` (unique: consumers drop a copy they already applied), `type` (the event type, also the routing key), `correlation-id`, `timestamp`, `content-type` and `app-id` (the producing service), and the headers below. The correlation id is that of the HTTP request or message that started the change, carried through every message it caused.',
        "A dossier's events carry its code, its national status after the event (1–10) and the producer's sequence number for the dossier: apply an update only if its sequence is above the last one applied.",
        'Contracts change only by adding optional fields; anything else is a new version (`x-event-version`). Unknown fields are to be ignored.',
      ].join('\n\n'),
    },
    defaultContentType: 'application/json',
    servers: {
      broker: {
        host: 'rabbitmq:5672',
        protocol: 'amqp',
        protocolVersion: '0-9-1',
        description: 'The suite’s RabbitMQ (the compose file’s `rabbitmq` service). Every queue a service declares is a durable quorum queue.',
      },
    },
    channels,
    operations,
    components: {
      messages,
      schemas: {
        EventHeaders: {
          type: 'object',
          properties: {
            'x-event-version': { type: 'integer', minimum: 1, description: 'The version of the event’s contract.' },
            'x-causation-id': { type: 'string', description: 'The id of the message whose handling caused this one, if any.' },
            'x-attempt': { type: 'integer', minimum: 1, description: 'The delivery attempt (1 when first published).' },
          },
          required: ['x-event-version', 'x-attempt'],
        },
        ...schemas,
      },
    },
  };
}

function producerOf(type: string): string {
  return type.split('.')[0] === 'catalog' ? 'a replica of the catalogue' : type.split('.')[0];
}

/**
 * The payload schemas of the events and the classes nested in them, with their descriptions. An event that adds no
 * field to the class it extends (which the library skips) gets that class's schema under its own name.
 */
function eventSchemas(events: readonly EventClass[], descriptions: ReadonlyMap<string, string>): Record<string, PayloadSchema> {
  const all = payloadSchemas();
  const used = new Map<string, PayloadSchema>();
  const visit = (name: string, schema: PayloadSchema | undefined = all[name]) => {
    if (used.has(name) || !schema) return;
    used.set(name, schema);
    for (const [, referenced] of JSON.stringify(schema).matchAll(/#\/components\/schemas\/(\w+)/g)) visit(referenced);
  };
  // only what the messages use: an abstract base's fields are in each event that extends it
  for (const cls of events) visit(cls.name, all[schemaNameOf(cls, all) ?? cls.name]);
  const described = [...used]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, schema]): [string, PayloadSchema] => {
      const properties = Object.entries(schema.properties ?? {}).map(([property, rule]) => [
        property,
        { ...rule, description: descriptions.get(`${name}.${property}`) },
      ]);
      return [name, { ...schema, properties: Object.fromEntries(properties), description: descriptions.get(name) }];
    });
  return JSON.parse(JSON.stringify(Object.fromEntries(described))) as Record<string, PayloadSchema>; // drops the descriptions there are none of
}

/**
 * The doc comments of the contract classes (`Class`) and their fields (`Class.field`, a field of a class it extends
 * included), read from their sources.
 */
function docComments(directory: string): Map<string, string> {
  const found = new Map<string, string>();
  const parents = new Map<string, string>();
  for (const file of readdirSync(directory).filter((name) => /-events\.ts$/.test(name))) {
    const source = ts.createSourceFile(file, readFileSync(join(directory, file), 'utf8'), ts.ScriptTarget.Latest, true);
    const comment = (node: ts.Node) =>
      ts
        .getJSDocCommentsAndTags(node)
        .filter(ts.isJSDoc)
        .map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? '')
        .join('\n')
        .trim()
        .replace(/(?<!\n)\n(?!\n)/g, ' '); // the source's line wrapping, not the text's
    source.forEachChild((node) => {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const own = comment(node);
      if (own) found.set(node.name.text, own);
      const parent = node.heritageClauses?.flatMap((clause) => clause.types)[0]?.expression;
      if (parent && ts.isIdentifier(parent)) parents.set(node.name.text, parent.text);
      for (const member of node.members) {
        const text = ts.isPropertyDeclaration(member) && ts.isIdentifier(member.name) ? comment(member) : '';
        if (text) found.set(`${node.name.text}.${(member.name as ts.Identifier).text}`, text);
      }
    });
  }
  // a field's comment where its class is extended (as often as classes are nested, at most)
  for (let depth = 0; depth < parents.size; depth++) {
    for (const [child, parent] of parents) {
      for (const [key, text] of [...found]) {
        const inherited = `${child}${key.slice(parent.length)}`;
        if (key.startsWith(`${parent}.`) && !found.has(inherited)) found.set(inherited, text);
      }
    }
  }
  return found;
}

import { getMetadataStorage } from 'class-validator';

type Lookup = ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas'];

let remembered = false;

/**
 * class-validator finds a class's rules by testing every decorated class of the process (`instanceof`) on each
 * validation of each object, nested ones included (typestack/class-validator#2686, open): with the suite's few
 * hundred request and event classes, that scan was 6 % of workflow's CPU in claim + forward. A class's rules are
 * complete once it is defined (its ancestors are defined before it), so each lookup is remembered per class and
 * arguments. Once per process, before the first validation; a second call does nothing.
 */
export function rememberValidationRules(): void {
  if (remembered) return;
  remembered = true;
  const storage = getMetadataStorage();
  const lookUp: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  const byClass = new WeakMap<Function, Map<string, ReturnType<Lookup>>>();
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    let byArguments = byClass.get(target);
    if (!byArguments) byClass.set(target, (byArguments = new Map()));
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${(groups ?? []).join('\u0000')}`;
    let rules = byArguments.get(key);
    // frozen: shared by every later validation, so a caller that changed it would fail loudly, not silently
    if (!rules) byArguments.set(key, (rules = Object.freeze(lookUp(target, schema, always, strictGroups, groups)) as ReturnType<Lookup>));
    return rules;
  };
}

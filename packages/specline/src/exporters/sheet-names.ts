/**
 * Excel sheet names: at most 31 characters, none of : \ / ? * [ ], unique ignoring case, and
 * "History" is reserved. Model names usually fit as they are; the rest are cut and numbered.
 * https://support.microsoft.com/en-us/office/rename-a-worksheet-3f1f7148-ee83-404d-8ef0-9ff99fbad1f9
 */
export function uniqueSheetNames(wanted: readonly string[], reserved: readonly string[]): string[] {
  const taken = new Set([...reserved, 'History'].map((name) => name.toLowerCase()));
  return wanted.map((raw) => {
    const clean = raw.replace(/[:\\/?*[\]]/g, '_').slice(0, 31) || 'model';
    let name = clean;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${clean.slice(0, 31 - String(n).length - 1)}~${n}`;
    taken.add(name.toLowerCase());
    return name;
  });
}

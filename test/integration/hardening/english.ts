/**
 * "Is this line English?" for the clerk's messages, by two rules that catch different leaks:
 *  1. a word from a list of English words that show up in library and runtime errors (zod's
 *     type names, SQLite's reasons, JavaScript's TypeErrors), or a camelCase identifier;
 *  2. a clause of three or more ASCII words without a single Vietnamese letter: Vietnamese
 *     almost never goes three words without a diacritic, English always does.
 * Quoted text ("…") and codes with digits are left out first: they echo the clerk's own
 * values (a code "TR001", a file name), which may be anything.
 */
const ENGLISH_WORDS = new Set(
  (
    'string number object expected received invalid undefined null nan array boolean required error errors ' +
    'failed cannot the is are not of and or database locked disk full file must should type property ' +
    'function infinity bigint symbol input value key keys unrecognized too big small unexpected ' +
    'readonly malformed image constraint foreign unique failed sqlite sqliteerror typeerror rangeerror ' +
    'reading properties read write attempt stack maximum call exceeded converting circular structure json ' +
    'proxy revoked getter trap at with from this that'
  ).split(/\s+/)
)

/** Letters outside ASCII that Vietnamese uses (any Latin letter with a diacritic, đ). */
const VIETNAMESE_LETTER = /[\u00c0-\u024f\u1e00-\u1eff]/

export function englishIn(line: string): string | null {
  const text = line
    .normalize('NFC')
    // A quoted value may itself hold quotes (a fuzzed code `9:"aY`): it ends at a quote that is
    // followed by a space, punctuation or the end of the line, not by a letter.
    .replace(/"[^"]*(?:"(?![\s.,;:!?)\]]|$)[^"]*)*"(?=[\s.,;:!?)\]]|$)/g, ' ')
    .replace(/“[^”]*”/g, ' ')
    .replace(/«[^»]*»/g, ' ')
    // A command the clerk types is said literally: "npm run cli -- restore …".
    .replace(/npm run cli -- \S+/g, ' ')
    // File names, extensions and command options ("tệp.sqlite", ".xlsx", "--db") are names.
    .replace(/<[^>]*>/g, ' ')
    .replace(/\S*\.[A-Za-z]\w*/g, ' ')
    .replace(/(^|\s)--?[A-Za-z][\w-]*/g, ' ')
  for (const word of text.match(/[A-Za-z]+/g) ?? []) {
    if (/^[a-z]+[A-Z]/.test(word)) return word
    if (ENGLISH_WORDS.has(word.toLowerCase())) return word
  }
  for (const clause of text.split(/[.;:!?()\n]/)) {
    const words = clause.split(/\s+/).filter((w) => /^[A-Za-z]+$/.test(w))
    if (words.length >= 3 && !VIETNAMESE_LETTER.test(clause)) return clause.trim()
  }
  return null
}

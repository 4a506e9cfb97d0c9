/**
 * The rules `npm run kb:check` enforces, each with the code its messages end with. The loader
 * enforces KB001–KB032 at start-up too; KB040 and up are checked by kb:check only.
 * knowledge/README.md lists the same table for contributors.
 */
export const RULES = {
  KB001: 'Every file is valid YAML.',
  KB002: 'Only the fields the format defines.',
  KB003: 'Every required field is there and not empty.',
  KB004: 'Values have the right form: owner, category, ids, lists of words.',
  KB005: 'Text and lists stay within their limits.',
  KB010: 'Every fact has at least one source.',
  KB011:
    'Sources are AWS pages: https on docs.aws.amazon.com or aws.amazon.com (d1.awsstatic.com for the 2016 whitepaper), the .html page, not a .md copy.',
  KB012: 'A shared responsibility says what AWS does and what the customer does.',
  KB020: 'Every file has `checked`: a real date, YYYY-MM-DD, not in the future.',
  KB030: 'Ids and names are unique across service files and the catalog; a file is named after its id.',
  KB031: 'References resolve: modes, topics, categories, example services, part_of.',
  KB032: 'Every topic has a model-level answer and a rule for every category (`all`, or one per category).',
  KB040: 'No placeholder text (TODO, TBD, FIXME, XXX, lorem ipsum).',
  KB041: 'A name that is an everyday word or a topic word is a weak alias, never a strong one.',
} as const;

export type RuleCode = keyof typeof RULES;

/**
 * Words that steer a question but name no service or topic. They are matching rules, not facts,
 * so they live with the engine rather than in knowledge/.
 */
export const HELP_WORDS = new Set(['help', 'usage', 'commands', 'how to use', 'examples', 'h']);
export const OVERVIEW_WORDS = new Set([
  'model',
  'overview',
  'srm',
  'shared responsibility',
  'shared responsibility model',
  'responsibility model',
]);
export const LIST_WORDS = new Set(['list', 'ls', 'services', 'all services', 'all', 'categories', 'index']);
export const COMPARE_WORDS = new Set([
  'compare',
  'vs',
  'versus',
  'or',
  'difference',
  'differences',
  'between',
]);

/** Common words never tried as fuzzy service names (they would match short aliases by chance). */
export const STOPWORDS = new Set(
  `a about after all also am an and any are as at be been before being between both but by can could
  did do does doing done each else for from get gets got has have having he her here hello hey hi him his
  how i if in into is it its job just me mine more most my need needs no not now of off on once only or
  other our ours out over own please same she should so some such than thank thanks that the their them
  then there these they this those through to too under until up us use used using very was we were what
  when where which while who whom whose why will with would yes you your yours yourself responsible
  responsibility responsibilities owner owns own handle handles handled handling manage manages managed
  managing take takes care does part side customer customers me we our aws amazon service services
  okay ok lol hmm test testing thing things stuff really like want wants know tell show give
  explain question answer there their whats whos hows doesnt dont isnt good bad new old`
    .split(/\s+/)
    .filter(Boolean),
);

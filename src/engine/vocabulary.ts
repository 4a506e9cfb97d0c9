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
  'of vs in the cloud',
  'of versus in the cloud',
  'of and in the cloud',
  'of or in the cloud',
  'in vs of the cloud',
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

/**
 * Questions srm-bot declines, by reason. `hard` reasons decline whatever else the question names
 * (a price of S3 is still a price); the others only when no responsibility question is recognised.
 * Keys are matched as whole words after normalisation, like every other phrase.
 */
export const OUT_OF_SCOPE_WORDS = {
  price: `cost, costs, costing, price, prices, pricing, priced, how much, cheap, cheaper, cheapest, expensive,
    billing, bill, billed, invoice, free tier, per gb, per hour, per month, per request, discount, discounts,
    savings plan, savings plans, spend, spending, budget`,
  figures: `sla, slas, service level agreement, uptime, nines, 99 9, 99 99, 99 95, 99 999, 99 999999999,
    eleven nines, service credit, service credits, uptime guarantee, availability guarantee, durability guarantee`,
  other_cloud: `azure, microsoft azure, azure sql, azure vm, azure vms, azure ad, entra, gcp, google cloud,
    google cloud platform, google compute engine, google kubernetes engine, gke, aks, bigquery, google bigquery,
    cosmos db, cosmosdb, cloud run, firebase, oci, oracle cloud, oracle cloud infrastructure, alibaba cloud,
    aliyun, ibm cloud, digitalocean, digital ocean, cloudflare, heroku, linode, hetzner`,
  how_to: `how do i, how can i, how do we, how can we, how to, how should i, step by step, steps to,
    walk me through, tutorial, guide me`,
  small_talk: `hi, hello, hey, hiya, yo, thanks, thank you, thx, cheers, good morning, good night, how are you,
    joke, jokes, weather, lunch, dinner, football, soccer, what time, bye, goodbye, lol, poem, poems, song,
    songs, story, recipe, movie, movies`,
} as const;

export type OutOfScopeReason = keyof typeof OUT_OF_SCOPE_WORDS;

/** Reasons that decline a question whatever else it names. */
export const HARD_OUT_OF_SCOPE: ReadonlySet<OutOfScopeReason> = new Set(['price', 'figures', 'other_cloud']);

/** Words that turn a question about a part of the model into a request to explain it. */
export const DEFINE_WORDS = new Set([
  'what',
  'explain',
  'explained',
  'define',
  'definition',
  'meaning',
  'mean',
  'means',
  'describe',
  'difference',
  'differences',
  'example',
  'examples',
]);

/** Words that show a question asks who is responsible, for topics named only by generic words. */
export const RESPONSIBILITY_CUES = new Set([
  'who',
  'whose',
  'responsible',
  'responsibility',
  'responsibilities',
  'job',
  'duty',
  'owns',
  'owner',
  'us',
  'we',
  'our',
  'customer',
  'customers',
  'shared',
  'party',
  'side',
  'mine',
  'yours',
  'my',
  'me',
  'i',
]);

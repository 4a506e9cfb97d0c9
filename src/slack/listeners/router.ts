import type {
  AllMiddlewareArgs,
  App,
  Middleware,
  SlackAction,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
} from '@slack/bolt';

/**
 * Where listeners register, with Bolt's own signatures. Bolt tries every listener it holds on
 * every request (it copies each one's middleware chain and runs its matchers): with a dozen
 * listeners that cost more per request than working out the answer. The router gives Bolt one
 * listener per kind of request and hands each request to the listener registered for its command,
 * action id or event type.
 */
export interface Router {
  command(name: string, listener: Middleware<SlackCommandMiddlewareArgs>): void;
  action<A extends SlackAction = SlackAction>(
    actionId: string | RegExp,
    listener: Middleware<SlackActionMiddlewareArgs<A>>,
  ): void;
  event<E extends string>(type: E, listener: Middleware<SlackEventMiddlewareArgs<E>>): void;
  /** Every message event (as Bolt's `app.message` with no pattern). */
  message(listener: Middleware<SlackEventMiddlewareArgs<'message'>>): void;
}

type Any = Middleware<never>;
interface Route {
  readonly id: string | RegExp;
  readonly listener: Any;
}

const matches = (id: string | RegExp, value: string) =>
  typeof id === 'string' ? id === value : id.test(value);

const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** One pattern matching exactly what the routes match. */
const anyOf = (routes: Route[]) =>
  new RegExp(
    routes.map((r) => (typeof r.id === 'string' ? `^${literal(r.id)}$` : `(?:${r.id.source})`)).join('|'),
  );

/** The first route for `value`, called with Bolt's arguments. */
function dispatch<Args>(routes: Route[], idOf: (args: Args) => string | undefined) {
  return async (args: Args & AllMiddlewareArgs) => {
    const value = idOf(args);
    const route = value === undefined ? undefined : routes.find((r) => matches(r.id, value));
    // The route was registered for this id with the argument type Bolt gives requests of that id.
    await (route?.listener as unknown as Middleware<Args> | undefined)?.(args);
  };
}

/** Collects listeners; `attach` registers them with Bolt, one listener per kind of request. */
export function createRouter(): Router & { attach(app: App): void } {
  const commands: Route[] = [];
  const actions: Route[] = [];
  const events: Route[] = [];
  return {
    command: (name, listener) => commands.push({ id: name, listener: listener as Any }),
    action: (actionId, listener) => actions.push({ id: actionId, listener: listener as Any }),
    event: (type, listener) => events.push({ id: type, listener: listener as Any }),
    message: (listener) => events.push({ id: 'message', listener: listener as Any }),
    attach(app) {
      if (commands.length)
        app.command(
          anyOf(commands),
          dispatch(commands, (a: SlackCommandMiddlewareArgs) => a.command.command),
        );
      if (actions.length)
        app.action(
          anyOf(actions),
          dispatch(actions, (a: SlackActionMiddlewareArgs) =>
            'action_id' in a.action ? a.action.action_id : undefined,
          ),
        );
      if (events.length)
        app.event(
          anyOf(events),
          dispatch(events, (a: SlackEventMiddlewareArgs) => a.event.type),
        );
    },
  };
}

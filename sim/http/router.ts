/** A tiny path router: templates like "/workspaces/:ws/models/:m" with per-method handlers. */
export type Params = Record<string, string>;

interface Route<H> {
  regex: RegExp;
  names: string[];
  methods: Partial<Record<string, H>>;
}

export type Match<H> = { handler: H; params: Params } | { methodNotAllowed: true } | undefined;

export class Router<H> {
  private readonly routes: Route<H>[] = [];

  on(method: string, template: string, handler: H): this {
    let route = this.routes.find((r) => r.regex.source === Router.compile(template).regex.source);
    if (!route) {
      route = { ...Router.compile(template), methods: {} };
      this.routes.push(route);
    }
    route.methods[method.toUpperCase()] = handler;
    return this;
  }

  match(method: string, path: string): Match<H> {
    for (const route of this.routes) {
      const m = route.regex.exec(path);
      if (!m) continue;
      const handler = route.methods[method.toUpperCase()];
      if (!handler) return { methodNotAllowed: true };
      const params: Params = {};
      try {
        route.names.forEach((name, i) => {
          params[name] = decodeURIComponent(m[i + 1] ?? "");
        });
      } catch {
        return undefined; // malformed percent-encoding: no such resource
      }
      return { handler, params };
    }
    return undefined;
  }

  private static compile(template: string): { regex: RegExp; names: string[] } {
    const names: string[] = [];
    const source = template
      .split("/")
      .map((seg) => {
        if (seg.startsWith(":")) {
          names.push(seg.slice(1));
          return "([^/]+)";
        }
        return seg.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      })
      .join("/");
    return { regex: new RegExp(`^${source}/?$`), names };
  }
}

// GitHub's list pagination as the REST docs describe it: `per_page` (default 30, max 100) and `page`
// (from 1) query parameters, and a Link header with rel="next"/"last" (and "prev"/"first" after page 1).

export interface Page<T> {
  items: T[];
  link?: string;
}

export function paginate<T>(url: URL, all: readonly T[]): Page<T> {
  const perPage = clamp(Number(url.searchParams.get("per_page") ?? 30), 1, 100);
  const page = Math.max(1, Math.trunc(Number(url.searchParams.get("page") ?? 1)) || 1);
  const last = Math.max(1, Math.ceil(all.length / perPage));
  const links: string[] = [];
  const link = (p: number, rel: string) => {
    const u = new URL(url);
    u.searchParams.set("per_page", String(perPage));
    u.searchParams.set("page", String(p));
    links.push(`<${u.toString()}>; rel="${rel}"`);
  };
  if (page > 1) {
    link(page - 1, "prev");
    link(1, "first");
  }
  if (page < last) {
    link(page + 1, "next");
    link(last, "last");
  }
  return {
    items: all.slice((page - 1) * perPage, page * perPage),
    ...(links.length ? { link: links.join(", ") } : {}),
  };
}

function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, Math.trunc(value))) : 30;
}

// End-of-support dates in Supported Versions tables: "2025-06-30", "2025-06", "June 30, 2025",
// "30 Jun 2025", "until 2026-01-31". Returned as YYYY-MM-DD (a month alone means its last day).
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

const pad = (n: number) => String(n).padStart(2, "0");

function valid(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  return `${year}-${pad(month)}-${pad(day)}`;
}

const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export function parseSupportDate(text: string): string | undefined {
  const t = text.replace(/[*_`~]/g, " ");
  let m = /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/.exec(t);
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /\b(\d{4})[-/](\d{1,2})\b(?![-/]\d)/.exec(t);
  if (m) return valid(Number(m[1]), Number(m[2]), lastDay(Number(m[1]), Number(m[2])));
  const month = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
  m = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(t);
  if (m && month(m[1]!) > 0) return valid(Number(m[3]), month(m[1]!), Number(m[2]));
  m = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(t);
  if (m && month(m[2]!) > 0) return valid(Number(m[3]), month(m[2]!), Number(m[1]));
  m = /\b([A-Za-z]{3,9})\s+(\d{4})\b/.exec(t);
  if (m && month(m[1]!) > 0) return valid(Number(m[2]), month(m[1]!), lastDay(Number(m[2]), month(m[1]!)));
  return undefined;
}

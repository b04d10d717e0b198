// The demo run's report: figures per open day, per agency and city-wide, the
// messages per template and channel, and the wall time of each phase.
import { color } from '../lib/run.mjs';

const say = (line = '') => process.stdout.write(`${line}\n`);
const avg = ({ average, count }) => `${average === null ? '—' : average.toFixed(2)} (${count})`;
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** Columns as a terminal shows them: CJK characters take two. */
const width = (text) => text.length + (text.match(/[\u2e80-\u9fff\uff00-\uffef]/g)?.length ?? 0);
const pad = (text, size, left) => (left ? ' '.repeat(size - width(text)) + text : text + ' '.repeat(size - width(text)));

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(String(r[i])))));
  const line = (cells) => `  ${cells.map((c, i) => pad(String(c), widths[i], i > 0)).join('  ')}`;
  say(line(header));
  say(`  ${widths.map((w) => '─'.repeat(w)).join('  ')}`);
  for (const row of rows) say(line(row));
}

function printOpenDays(perOpenDay) {
  say(color.bold('\nPer open day (GET /api/v1/reports/open-days and /statistics/open-days/{id})'));
  for (const { openDay, row, figures } of perOpenDay) {
    say(`\n  ${openDay.eventDate}  ${row.title}  [${row.agencyId}, ${openDay.selectionMode}, ${openDay.capacity} places]`);
    say(`    applications ${row.applications}   selected ${row.selected}   tickets ${row.ticketsIssued}   checked in ${row.checkedIn}   no-shows ${row.noShows ?? '— (not ended)'}`);
    say(`    collected ${figures.collected}   assigned ${figures.assigned}   answered ${figures.answered} (late ${figures.answeredLate})   solved ${figures.solved}   overdue now ${figures.overdueNow} / ever ${figures.overdueEver}`);
    say(`    satisfaction ${avg(figures.satisfaction)}   rating ${avg(figures.rating)}   summary filed ${row.summaryFiled ? 'yes' : 'no'}`);
  }
}

function printScopes(perAgency, cityWide) {
  say(color.bold('\nPer agency and city-wide (GET /api/v1/statistics/agencies/{id}, /statistics/city)'));
  const rowOf = (label, view) => {
    const f = view.figures;
    return [label, view.openDays, f.collected, f.assigned, f.answered, f.solved, f.overdueNow, f.overdueEver, f.answeredLate, avg(f.satisfaction), avg(f.rating)];
  };
  table(
    ['scope', 'open days', 'collected', 'assigned', 'answered', 'solved', 'overdue now', 'ever', 'late', 'satisfaction (n)', 'rating (n)'],
    [...perAgency.map((view) => rowOf(view.agencyId, view)), rowOf('city-wide', cityWide)],
  );
}

function printMessages(deliveries, sms, mails) {
  say(color.bold('\nMessages (GET /api/v1/notifications/deliveries; every delivery, per template and channel)'));
  const channels = ['sms', 'email', 'in-app'];
  const templates = [...new Set(deliveries.map((d) => d.template))].sort();
  const cell = (template, channel) => {
    const matching = deliveries.filter((d) => d.template === template && (d.channel ?? 'none') === channel);
    const unsent = matching.filter((d) => d.status !== 'sent');
    return unsent.length ? `${matching.length} (${unsent.map((d) => d.status).join(',')})` : matching.length;
  };
  const extra = deliveries.some((d) => d.channel === null) ? ['none'] : [];
  const rows = templates.map((t) => [t, ...[...channels, ...extra].map((c) => cell(t, c))]);
  rows.push(['total', ...[...channels, ...extra].map((c) => deliveries.filter((d) => (d.channel ?? 'none') === c).length)]);
  table(['template', ...channels, ...extra], rows);
  const distinctMails = new Set(mails.map((m) => m.messageId)).size;
  say(`  captured: ${sms.length} SMS at the SMS provider, ${mails.length} e-mails at the SMTP server (${distinctMails} distinct)`);
}

function printPhases(phases, wallMs) {
  say(color.bold('\nWall time per phase'));
  table(['phase', 'time'], [...phases.map((p) => [p.name, seconds(p.ms)]), ['whole run', seconds(wallMs)]]);
}

export function printReport({ perOpenDay, perAgency, cityWide, deliveries, sms, mails, exports, phases, wallMs }) {
  say(color.bold('\n══════════ Open Day platform: demo run of the whole cycle ══════════'));
  printOpenDays(perOpenDay);
  printScopes(perAgency, cityWide);
  printMessages(deliveries, sms, mails);
  say(color.bold('\nCity-wide table saved'));
  for (const file of exports) say(`  ${file}`);
  printPhases(phases, wallMs);
}

import type { TicketPrintData } from '../../core/contracts/printing.js';
import type { Ticket } from '../../core/domain/ticket.js';
import type { SiteCatalog } from '../services/site-catalog.js';

/** What the paper ticket says, from the committed ticket and the site's data. */
export function ticketPrintData(
  t: Ticket,
  catalog: SiteCatalog,
  d: { ahead: number; timeZone: string; publicUrl: string },
): TicketPrintData {
  const { centre } = catalog.site;
  const service = catalog.site.services.find((s) => s.code === t.service);
  const category = catalog.category(t.priority);
  return {
    centreLines: [centre.commune || centre.province, centre.name].filter((l) => l.trim() !== ''),
    serviceName: service?.name ?? t.service,
    label: t.label,
    ...(category ? { priorityName: category.name } : {}),
    ahead: d.ahead,
    issuedAt: new Date(t.issuedAt).toISOString(),
    timeZone: d.timeZone,
    statusUrl: `${d.publicUrl}/t/${t.token}`,
    footerLines: centre.hotline ? [`Đường dây nóng: ${centre.hotline}`] : [],
  };
}

import type { Outbox, Verzonden } from '../mail/outbox';
import { render } from '../mail/templates';
import type { Notificatie, Ontvanger } from '../shared/notificatie';

/** Notification activities: the only place workflows reach the outside world by e-mail. */
export function notificationActivities(outbox: Outbox) {
  return {
    /**
     * One e-mail per recipient role (parents do not see the school's addresses, and each role gets
     * its own wording). Each has its own key, so a retry after a partial failure sends only the rest.
     */
    async stuurNotificatie(n: Notificatie): Promise<Verzonden[]> {
      const perRol = new Map<Ontvanger['rol'], string[]>();
      for (const o of n.aan) perRol.set(o.rol, [...(perRol.get(o.rol) ?? []), o.email]);
      const verzonden: Verzonden[] = [];
      for (const [rol, aan] of perRol) {
        const { onderwerp, tekst } = render(n.sjabloon, rol, n.gegevens);
        verzonden.push(await outbox.send({ sleutel: `${n.sleutel}/${rol}`, aan, onderwerp, tekst }));
      }
      return verzonden;
    },
  };
}

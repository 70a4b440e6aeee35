/** The roles a token acts in (zod-free: workflows check `door.rol` against it). */
export const roles = ['coordinator', 'school', 'directeur', 'deskundige', 'bestuur'] as const;
export type Rol = (typeof roles)[number];

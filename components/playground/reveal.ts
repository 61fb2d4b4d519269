/**
 * On a phone the playgrounds stack their columns, so a result can land below the fold: scroll it
 * into view there. On wide screens the result is already beside the controls.
 */
export function revealOnPhone(el: Element | null | undefined) {
  if (!el || !window.matchMedia("(max-width: 1023px)").matches) return;
  requestAnimationFrame(() => el.scrollIntoView({ behavior: "smooth", block: "start" }));
}

/**
 * Escaping for the report's markup. Every string that came from a results file passes through
 * escapeHtml before it reaches the document; chart data travels as JSON in a non-executed script
 * element (jsonForScript), and inlined code is made safe for a script element (scriptSafe).
 */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for element content and quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/**
 * JSON that is safe inside `<script type="application/json">`: `<` becomes \u003c, so no `</script>`
 * or `<!--` in the data can end the element early; JSON.parse turns it back into `<`.
 */
export function jsonForScript(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Code inlined in a `<script>`: a literal `</script` inside a string would end the element. */
export function scriptSafe(code: string): string {
  return code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

/*!
 * Chat9 widget, served by the Chat9 server at GET /widget.js (spec: widget.md, widget-api.md, sse.md).
 *
 *   <script src="https://chat9.example/widget.js" data-bot-id="ch_..."></script>
 *   <script>Chat9Widget.start({ position: "right" });</script>
 *
 * Plain ES2020, no dependencies, no build step. Registers only window.Chat9Widget.
 * All content goes into the DOM as text nodes (createElement + textContent); no HTML string is ever parsed.
 *
 * Test hooks. The UI lives in the open shadow root of <div data-chat9-widget data-mode="bubble|inline">.
 * Elements carry data-role (deliberately no `part`, so host pages cannot restyle the widget via ::part):
 *   root               wrapper; data-ended="true" once the chat has ended, data-open="true" while the bubble panel is open
 *   bubble             the round launcher button (bubble mode only)
 *   panel              the chat panel (role=dialog in bubble mode, role=region inline)
 *   header, title      panel header and the bot name
 *   escalate-button    header "Talk to a human" button
 *   close              header close button (bubble mode only)
 *   log                message list (role=log, aria-live=polite)
 *   message-user       a visitor message
 *   message-assistant  an assistant message; data-state="streaming" | "done" | "interrupted"; aria-busy while streaming
 *   message-body       the text of a message (Markdown-rendered for the assistant)
 *   status             stage indicator inside a streaming message (Thinking… / Searching the docs… / Writing…)
 *   sources            "Sources" list under an answer
 *   interrupted        marker under a partial answer
 *   not-helpful        "Not helpful? Talk to a human" under an answer
 *   error              an error note in the conversation (connection lost, rate limit, stream error)
 *   retry              "Retry" button inside an error note
 *   ticket             ticket number line after an escalation
 *   divider            divider above a new conversation (after "Start new chat")
 *   composer, input, send, counter, input-note   message form, textarea, send button, character counter, inline note (413)
 *   ended, new-chat    "This chat has ended." note and the "Start new chat" button
 *   link-dialog        link-safety dialog; inside: link-body, link-url, link-continue, link-cancel
 *   escalate-form      escalation dialog; inside: escalate-note, escalate-email, escalate-submit, escalate-cancel, form-error
 */
(function () {
  'use strict';
  if (typeof window === 'undefined' || window.Chat9Widget) return;
  const doc = document;

  // ---------------------------------------------------------------- UI texts (English chrome; answers come localized)
  const T = {
    open: 'Open chat with {name}',
    panel: 'Chat with {name}',
    close: 'Close chat',
    log: 'Conversation',
    input: 'Message',
    placeholder: 'Write a message…',
    send: 'Send message',
    thinking: 'Thinking…',
    searching: 'Searching the docs…',
    writing: 'Writing…',
    sources: 'Sources',
    notHelpful: 'Not helpful? Talk to a human',
    human: 'Talk to a human',
    escIntro: 'Our support team will see this conversation and get back to you.',
    escNote: 'Anything you want to add? (optional)',
    escEmail: 'Your e-mail address',
    escSubmit: 'Send to support',
    escOff: 'Talking to a human is not available right now.',
    cancel: 'Cancel',
    emailInvalid: 'Please enter a valid e-mail address.',
    ended: 'This chat has ended.',
    newChat: 'Start new chat',
    newConv: 'New conversation',
    interrupted: 'The answer was interrupted.',
    interruptedMark: 'Interrupted',
    retry: 'Retry',
    connLost: 'Connection lost.',
    rate: 'Too many messages, please wait {n} seconds.',
    tooLong: 'This message is too long (at most {n} characters). Please shorten it.',
    busy: 'The previous answer is still being written. Please try again in a moment.',
    generic: 'Something went wrong. Please try again.',
    ticket: 'Ticket {n}',
    counter: '{n} / {max}',
    linkTitle: 'Open external link?',
    linkBody: 'You are going to {hostname}. Continue?',
    linkOk: 'Open',
  };
  const STAGES = { thinking: T.thinking, searching: T.searching, writing: T.writing };

  // ================================================================ pure helpers (no DOM; unit-testable)
  //#pure-begin
  const HEX_RE = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
  const LOCALE_RE = /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/;
  const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
  const HINT_KEYS = ['user_id', 'email', 'name', 'plan_tier', 'locale'];

  const fmt = (s, v) => s.replace(/\{(\w+)\}/g, (m, k) => (k in v ? String(v[k]) : m));

  /** Returns the normalized href of an absolute http(s) URL, else null (javascript:, data:, mailto:, relative…). */
  function safeUrl(raw) {
    if (typeof raw !== 'string') return null;
    const s = raw.trim();
    if (!/^https?:\/\/[^\s]/i.test(s)) return null;
    try {
      const u = new URL(s);
      return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
    } catch (e) {
      return null;
    }
  }

  /** allowed_domains rule: "example.com" matches that host only, "*.example.com" any subdomain but not the apex. */
  function hostMatches(host, pattern) {
    if (typeof pattern !== 'string') return false;
    const h = String(host).toLowerCase().replace(/\.$/, '');
    const p = pattern.trim().toLowerCase().replace(/\.$/, '');
    if (!p) return false;
    if (p.startsWith('*.')) {
      const base = p.slice(2);
      return !!base && h.length > base.length + 1 && h.endsWith('.' + base);
    }
    return h === p;
  }

  function isExternal(host, pageHost, allowed) {
    const h = String(host).toLowerCase().replace(/\.$/, '');
    if (h === String(pageHost || '').toLowerCase().replace(/\.$/, '')) return false;
    return !(allowed || []).some((d) => hostMatches(h, d));
  }

  /** Reads user_id from an identity token's payload segment (base64url or padded base64 JSON). Not verified. */
  function tokenUserId(token) {
    try {
      if (typeof token !== 'string') return null;
      let seg = token.split('.')[0].replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
      if (seg.length % 4 === 1) return null;
      seg += '==='.slice((seg.length + 3) % 4);
      const bin = atob(seg);
      const p = JSON.parse(new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0))));
      return p && typeof p.user_id === 'string' && p.user_id.trim() ? p.user_id : null;
    } catch (e) {
      return null;
    }
  }

  /** Incremental SSE parser: push() decoded text as it arrives (any split, LF or CRLF); calls onFrame(obj). */
  function createSseParser(onFrame) {
    let buf = '';
    const block = (b) => {
      const data = [];
      for (const line of b.split('\n')) {
        if (line.startsWith('data:')) data.push(line.slice(line[5] === ' ' ? 6 : 5));
      }
      if (!data.length) return; // heartbeat comments (": ping") and other lines
      let f;
      try {
        f = JSON.parse(data.join('\n'));
      } catch (e) {
        return;
      }
      if (f && typeof f === 'object' && typeof f.type === 'string') onFrame(f);
    };
    return {
      push(text) {
        // CRLF/CR -> LF; a CR at the very end may be the first half of a CRLF split across reads
        buf = (buf + text).replace(/\r\n/g, '\n').replace(/\r(?!$)/g, '\n');
        let i;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const b = buf.slice(0, i);
          buf = buf.slice(i + 2);
          block(b);
        }
      },
      end() {
        const b = buf.replace(/\r$/, '');
        buf = '';
        if (b.trim()) block(b);
      },
    };
  }

  // ---- Markdown -> small AST. Blocks: {t:'p'|'h', c:inl} {t:'pre', v} {t:'ul'|'ol', start, items:[blocks]}
  //      {t:'q', c:blocks} {t:'hr'} {t:'table', head:[inl], rows:[[inl]], align:[]}.
  //      Inlines: string | {t:'br'} | {t:'code', v} | {t:'b'|'i'|'s', c} | {t:'a', href, c}.
  const LIST_RE = /^( {0,3})([-*+]|(\d{1,9})[.)])[ \t]+(\S.*)$/;
  const FENCE_RE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
  const HEAD_RE = /^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
  const HR_RE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
  const QUOTE_RE = /^ {0,3}>/;
  const SEP_RE = /^\|?(?::?-+:?\|)*:?-+:?\|?$/;

  function parseMarkdown(src) {
    const lines = String(src == null ? '' : src)
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map((l) => l.replace(/^\t+/, (t) => '    '.repeat(t.length)));
    return parseBlocks(lines);
  }

  const isTableStart = (lines, i) =>
    lines[i].includes('|') && i + 1 < lines.length && lines[i + 1].includes('|') && SEP_RE.test(lines[i + 1].replace(/\s+/g, ''));

  function startsBlock(lines, i) {
    const l = lines[i];
    return FENCE_RE.test(l) || HEAD_RE.test(l) || HR_RE.test(l) || QUOTE_RE.test(l) || LIST_RE.test(l) || isTableStart(lines, i);
  }

  function parseBlocks(lines) {
    const out = [];
    let para = null;
    const flush = () => {
      if (para) out.push({ t: 'p', c: parseInline(para.join('\n')) });
      para = null;
    };
    let i = 0;
    while (i < lines.length) {
      const line = lines[i];
      let m;
      if (!line.trim()) {
        flush();
        i++;
      } else if ((m = FENCE_RE.exec(line)) && !(m[1][0] === '`' && m[2].includes('`'))) {
        flush();
        const close = new RegExp('^ {0,3}' + (m[1][0] === '`' ? '`' : '~') + '{' + m[1].length + ',}[ \\t]*$');
        const code = [];
        for (i++; i < lines.length && !close.test(lines[i]); i++) code.push(lines[i]);
        i++;
        out.push({ t: 'pre', v: code.join('\n') });
      } else if ((m = HEAD_RE.exec(line))) {
        flush();
        out.push({ t: 'h', c: parseInline(m[1] || '') });
        i++;
      } else if (HR_RE.test(line)) {
        flush();
        out.push({ t: 'hr' });
        i++;
      } else if (QUOTE_RE.test(line)) {
        flush();
        const q = [];
        while (i < lines.length && QUOTE_RE.test(lines[i])) q.push(lines[i++].replace(/^ {0,3}> ?/, ''));
        out.push({ t: 'q', c: parseBlocks(q) });
      } else if (LIST_RE.test(line)) {
        flush();
        i = parseList(lines, i, out);
      } else if (isTableStart(lines, i)) {
        flush();
        i = parseTable(lines, i, out);
      } else {
        (para = para || []).push(line.trim());
        i++;
      }
    }
    flush();
    return out;
  }

  function parseList(lines, i, out) {
    const first = LIST_RE.exec(lines[i]);
    const ordered = !!first[3];
    const base = first[1].length;
    const items = [];
    let cur = null;
    let indent = 0;
    while (i < lines.length) {
      const line = lines[i];
      const m = LIST_RE.exec(line);
      if (m && m[1].length <= base + 1 && !!m[3] === ordered && !HR_RE.test(line)) {
        cur = [m[4]];
        items.push(cur);
        indent = m[1].length + m[2].length + 1;
        i++;
        continue;
      }
      if (!line.trim()) {
        let j = i + 1;
        while (j < lines.length && !lines[j].trim()) j++;
        if (j < lines.length) {
          const nm = LIST_RE.exec(lines[j]);
          const ind = /^ */.exec(lines[j])[0].length;
          if (ind >= indent || (nm && nm[1].length <= base + 1 && !!nm[3] === ordered)) {
            cur.push('');
            i++;
            continue;
          }
        }
        break;
      }
      const ind = /^ */.exec(line)[0].length;
      if (ind >= Math.min(indent, base + 2)) {
        cur.push(line.slice(Math.min(ind, indent)));
        i++;
        continue;
      }
      if (!m && cur[cur.length - 1] !== '' && !startsBlock(lines, i)) {
        cur.push(line.trim()); // lazy continuation of the item's paragraph
        i++;
        continue;
      }
      break;
    }
    out.push({ t: ordered ? 'ol' : 'ul', start: ordered ? parseInt(first[3], 10) : 1, items: items.map(parseBlocks) });
    return i;
  }

  function tableCells(line) {
    let t = line.trim();
    if (t[0] === '|') t = t.slice(1);
    if (t.endsWith('|') && !t.endsWith('\\|')) t = t.slice(0, -1);
    const cells = [];
    let cur = '';
    let code = false;
    for (let i = 0; i < t.length; i++) {
      const c = t[i];
      if (c === '\\' && t[i + 1] === '|') {
        cur += '|';
        i++;
      } else if (c === '|' && !code) {
        cells.push(cur.trim());
        cur = '';
      } else {
        if (c === '`') code = !code;
        cur += c;
      }
    }
    cells.push(cur.trim());
    return cells;
  }

  function parseTable(lines, i, out) {
    const head = tableCells(lines[i]);
    const align = tableCells(lines[i + 1]).map((c) => (/^:-+:$/.test(c) ? 'c' : /-:$/.test(c) ? 'r' : ''));
    const rows = [];
    for (i += 2; i < lines.length && lines[i].trim() && lines[i].includes('|'); i++) {
      const cells = tableCells(lines[i]);
      rows.push(head.map((_, k) => parseInline(cells[k] || '')));
    }
    out.push({ t: 'table', head: head.map((c) => parseInline(c)), rows, align });
    return i;
  }

  function runLength(s, i, c) {
    let j = i;
    while (s[j] === c) j++;
    return j - i;
  }

  /** Index of the closing delimiter (k chars of c) for emphasis opened before `from`, or -1. */
  function findClose(s, from, k, c) {
    for (let j = from; j < s.length; j++) {
      const ch = s[j];
      if (ch === '\\') {
        j++;
      } else if (ch === '`') {
        const r = runLength(s, j, '`');
        const e = findRun(s, '`'.repeat(r), j + r);
        j = e < 0 ? j + r - 1 : e + r - 1;
      } else if (ch === c) {
        const r = runLength(s, j, c);
        if (j > from && !/\s/.test(s[j - 1]) && (r === k || (r > k && !(k === 1 && r === 2)))) {
          const at = j + r - k;
          if (c !== '_' || !/[A-Za-z0-9]/.test(s[at + k] || '')) return at;
        }
        j += r - 1;
      }
    }
    return -1;
  }

  /** Index of the next backtick run of exactly `run`'s length at or after `from`, or -1. */
  function findRun(s, run, from) {
    for (let j = s.indexOf(run, from); j >= 0; j = s.indexOf(run, j + 1)) {
      const r = runLength(s, j, '`');
      if (r === run.length && s[j - 1] !== '`') return j;
      j += r - 1;
    }
    return -1;
  }

  function matchBracket(s, i, open, close) {
    let d = 0;
    for (let j = i; j < s.length; j++) {
      const ch = s[j];
      if (ch === '\\') j++;
      else if (ch === open) d++;
      else if (ch === close && --d === 0) return j;
    }
    return -1;
  }

  function trimUrl(u) {
    for (;;) {
      const last = u[u.length - 1];
      if (/[.,;:!?*_~'"]/.test(last)) u = u.slice(0, -1);
      else if (last === ')' && u.split('(').length < u.split(')').length) u = u.slice(0, -1);
      else return u;
    }
  }

  function parseInline(s, noLinks) {
    const out = [];
    let buf = '';
    const add = (node) => {
      if (buf) out.push(buf);
      buf = '';
      out.push(node);
    };
    let i = 0;
    while (i < s.length) {
      const c = s[i];
      if (c === '\\' && /[!-/:-@[-`{-~]/.test(s[i + 1] || '')) {
        buf += s[i + 1];
        i += 2;
        continue;
      }
      if (c === '\n') {
        buf = buf.replace(/[ \t]+$/, '');
        add({ t: 'br' });
        i++;
        continue;
      }
      if (c === '`') {
        const r = runLength(s, i, '`');
        const j = findRun(s, '`'.repeat(r), i + r);
        if (j >= 0) {
          let v = s.slice(i + r, j).replace(/\n/g, ' ');
          if (v.length > 2 && v[0] === ' ' && v[v.length - 1] === ' ' && v.trim()) v = v.slice(1, -1);
          add({ t: 'code', v });
          i = j + r;
        } else {
          buf += s.slice(i, i + r);
          i += r;
        }
        continue;
      }
      if (!noLinks) {
        const img = c === '!' && s[i + 1] === '[';
        if (c === '[' || img) {
          const at = img ? i + 1 : i;
          const close = matchBracket(s, at, '[', ']');
          const end = close > 0 && s[close + 1] === '(' ? matchBracket(s, close + 1, '(', ')') : -1;
          if (end > 0) {
            let dest = s.slice(close + 2, end).trim();
            dest = dest[0] === '<' ? dest.slice(1, dest.indexOf('>') > 0 ? dest.indexOf('>') : undefined) : dest.split(/\s+/)[0];
            const href = safeUrl(dest);
            const kids = parseInline(s.slice(at + 1, close), true);
            if (href) {
              add({ t: 'a', href, c: kids.length ? kids : [dest] });
            } else {
              // not http(s): show the label as plain text, never as a link
              if (buf) out.push(buf);
              buf = '';
              out.push(...kids);
            }
            i = end + 1;
            continue;
          }
        }
        if (c === '<') {
          const m = /^<(https?:\/\/[^\s<>]+)>/i.exec(s.slice(i, i + 2100));
          const href = m && safeUrl(m[1]);
          if (href) {
            add({ t: 'a', href, c: [m[1]] });
            i += m[0].length;
            continue;
          }
        }
        if ((c === 'h' || c === 'H') && !/[\w/@.-]/.test(s[i - 1] || '')) {
          const m = /^https?:\/\/[^\s<>"'`]+/i.exec(s.slice(i, i + 2100));
          if (m) {
            const u = trimUrl(m[0]);
            const href = safeUrl(u);
            if (href && /^https?:\/\/[^/?#]/i.test(u)) {
              add({ t: 'a', href, c: [u] });
              i += u.length;
              continue;
            }
          }
        }
      }
      if (c === '*' || c === '_' || c === '~') {
        const r = runLength(s, i, c);
        const e = parseEmphasis(s, i, r);
        if (e) {
          add(e.node);
          i = e.end;
        } else {
          buf += s.slice(i, i + r);
          i += r;
        }
        continue;
      }
      buf += c;
      i++;
    }
    if (buf) out.push(buf);
    return out;
  }

  function parseEmphasis(s, i, run) {
    const c = s[i];
    if (/\s/.test(s[i + run] || ' ')) return null;
    if (c === '_' && /[A-Za-z0-9]/.test(s[i - 1] || '')) return null;
    if (c === '~') {
      if (run !== 2) return null;
      const j = findClose(s, i + 2, 2, '~');
      return j < 0 ? null : { node: { t: 's', c: parseInline(s.slice(i + 2, j)) }, end: j + 2 };
    }
    for (const k of run >= 3 ? [3, 2, 1] : run === 2 ? [2, 1] : [1]) {
      const j = findClose(s, i + k, k, c);
      if (j >= 0) {
        const inner = parseInline(s.slice(i + k, j));
        const node = k === 1 ? { t: 'i', c: inner } : k === 2 ? { t: 'b', c: inner } : { t: 'b', c: [{ t: 'i', c: inner }] };
        return { node, end: j + k };
      }
    }
    return null;
  }

  // ---- colors: text on accent by luminance (WCAG contrast, always >= 4.5:1 with black or white)
  function luminance(hex) {
    let h = hex.slice(1);
    if (h.length === 3) h = h.replace(/./g, '$&$&');
    const n = parseInt(h, 16);
    const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }
  const contrast = (a, b) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

  function accentColors(hex) {
    const L = luminance(hex);
    return {
      a: hex,
      af: contrast(L, 1) >= contrast(L, 0) ? '#ffffff' : '#000000', // text/icons on accent
      ring: contrast(L, 1) >= 3 ? hex : '#1f2937', // focus ring on white
      lk: contrast(L, 0.9131) >= 4.5 ? hex : '#1d4ed8', // links on #f3f4f6 (L = 0.9131)
    };
  }
  //#pure-end

  // ================================================================ styles
  const CSS = `
:host{all:initial!important}
:host::before,:host::after{content:none!important;display:none!important}
:host([data-mode=inline]){display:block!important;width:100%!important;height:600px!important}
:host([data-mode=inline][data-fill]){height:100%!important}
.r{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#111827;text-align:left;-webkit-text-size-adjust:100%;-webkit-font-smoothing:antialiased}
.r.inl{height:100%}
*,*::before,*::after{box-sizing:border-box}
[hidden]{display:none!important}
button{font:inherit;color:inherit;background:none;border:0;margin:0;padding:0;cursor:pointer;text-align:inherit}
button:disabled{cursor:default}
svg{display:block;flex:none}
:focus{outline:none}
:focus-visible{outline:2px solid var(--ring);outline-offset:2px}
.bub{position:fixed;z-index:2147483000;bottom:calc(20px + env(safe-area-inset-bottom,0px));right:calc(20px + env(safe-area-inset-right,0px));width:56px;height:56px;border-radius:50%;background:var(--a);color:var(--af);display:flex;align-items:center;justify-content:center;box-shadow:0 4px 14px rgba(0,0,0,.25);transition:transform .15s ease}
.bub:hover{transform:scale(1.06)}
.bub:focus-visible{outline:3px solid var(--a);outline-offset:3px;box-shadow:0 0 0 3px #fff,0 4px 14px rgba(0,0,0,.25)}
.left .bub{right:auto;left:calc(20px + env(safe-area-inset-left,0px))}
.pn{position:fixed;z-index:2147483000;bottom:calc(92px + env(safe-area-inset-bottom,0px));right:20px;width:380px;max-width:calc(100vw - 40px);height:600px;max-height:calc(100vh - 112px - var(--tc));max-height:calc(100dvh - 112px - var(--tc));display:flex;flex-direction:column;background:#fff;border-radius:16px;overflow:hidden;box-shadow:0 12px 40px rgba(0,0,0,.22),0 0 0 1px rgba(0,0,0,.06);animation:c9in .18s ease-out}
.left .pn{right:auto;left:20px}
.inl .pn{position:relative;z-index:auto;inset:auto;width:100%;max-width:none;height:100%;max-height:none;border:1px solid #e5e7eb;border-radius:12px;box-shadow:none;animation:none}
@keyframes c9in{from{opacity:0;transform:translateY(12px)}}
.main{display:flex;flex-direction:column;flex:1;min-height:0}
.hd{display:flex;align-items:center;gap:8px;padding:12px 10px 12px 16px;background:var(--a);color:var(--af);flex:none}
.hd :focus-visible{outline-color:var(--af)}
.ttl{flex:1;min-width:0;font-weight:600;font-size:15px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.hb{border:1px solid currentColor;border-radius:999px;padding:4px 10px;font-size:12.5px;font-weight:500;white-space:nowrap}
.hb:disabled{opacity:.6}
.x{width:32px;height:32px;border-radius:8px;display:flex;align-items:center;justify-content:center}
.hd button:not(:disabled):hover{background:rgba(127,127,127,.22)}
.log:focus-visible{outline-offset:-2px}
.log{flex:1;min-height:0;overflow-y:auto;overscroll-behavior:contain;padding:16px 14px;display:flex;flex-direction:column;gap:10px;background:#fff}
.m{max-width:88%;display:flex;flex-direction:column;gap:6px;min-width:0}
.m.u{align-self:flex-end}
.m.a{align-self:flex-start}
.bd{padding:8px 12px;overflow-wrap:anywhere}
.u .bd{background:var(--a);color:var(--af);border-radius:16px 16px 4px 16px;white-space:pre-wrap}
.a .bd{background:#f3f4f6;color:#111827;border-radius:16px 16px 16px 4px}
.bd.pl{white-space:pre-wrap}
.md p,.md ul,.md ol,.md pre,.md blockquote,.md .tw{margin:0 0 8px}
.md>:last-child,.md li>:last-child{margin-bottom:0}
.md ul,.md ol{padding-left:20px}
.md li+li{margin-top:2px}
.md .h{margin-top:4px}
.md code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em;background:rgba(0,0,0,.07);padding:1px 4px;border-radius:4px}
.md pre{background:#1f2937;color:#f9fafb;padding:10px 12px;border-radius:8px;overflow-x:auto;white-space:pre}
.md pre code{background:none;padding:0;color:inherit;font-size:12.5px}
.md blockquote{border-left:3px solid #d1d5db;padding-left:10px;color:#374151}
.md hr{border:0;border-top:1px solid #d1d5db;margin:8px 0}
.tw{overflow-x:auto}
.md table{border-collapse:collapse;font-size:13px}
.md th,.md td{border:1px solid #d1d5db;padding:4px 6px;vertical-align:top;text-align:left}
.md th{background:#e5e7eb}
.md .c{text-align:center}.md .rt{text-align:right}
.md a,.src a{color:var(--lk);text-decoration:underline}
.st{display:flex;align-items:center;gap:6px;font-size:12.5px;color:#4b5563;padding:0 2px}
.st::before{content:"";width:7px;height:7px;border-radius:50%;background:var(--ring);animation:c9p 1s ease-in-out infinite}
@keyframes c9p{50%{opacity:.2}}
.src{font-size:12.5px;color:#4b5563;padding:0 4px}
.src ul{margin:2px 0 0;padding-left:18px}
.im{font-size:12px;color:#92400e;font-style:italic;padding:0 4px}
.nh{font-size:12.5px;color:#4b5563;text-decoration:underline;align-self:flex-start;padding:0 4px;border-radius:4px}
.nh:hover{color:#111827}
.ended .nh{display:none}
.err{align-self:stretch;display:flex;align-items:center;justify-content:space-between;gap:8px;background:#fef2f2;color:#991b1b;border:1px solid #fecaca;border-radius:10px;padding:8px 12px;font-size:13px}
.m .err{align-self:flex-start}
.rb{border:1px solid currentColor;border-radius:8px;padding:3px 10px;font-size:12.5px;font-weight:600;flex:none}
.tk{align-self:center;font-size:12.5px;color:#374151;background:#f3f4f6;border-radius:999px;padding:3px 12px}
.dv{display:flex;align-items:center;gap:8px;color:#6b7280;font-size:12px;margin:6px 0}
.dv::before,.dv::after{content:"";flex:1;border-top:1px solid #e5e7eb}
.ft{flex:none;border-top:1px solid #e5e7eb;padding:10px 12px;background:#fff}
.cmp{display:flex;align-items:flex-end;gap:8px;margin:0}
textarea,input{font:inherit;color:#111827;background:#fff;border:1px solid #9ca3af;border-radius:12px;margin:0}
.cmp textarea{flex:1;min-width:0;resize:none;height:40px;min-height:40px;max-height:120px;padding:9px 12px;line-height:1.4;font-size:14px}
textarea:focus-visible,input:focus-visible{outline-offset:0;border-color:var(--ring)}
.snd{width:40px;height:40px;border-radius:50%;background:var(--a);color:var(--af);display:flex;align-items:center;justify-content:center;flex:none}
.snd:disabled{opacity:.45}
.meta{display:flex;justify-content:space-between;gap:8px;font-size:12px;color:#4b5563;margin-top:4px}
.meta .cnt{margin-left:auto}
.note,.over,.fe{color:#b91c1c}
.endnote{text-align:center;font-size:12.5px;color:#4b5563;margin:0 0 8px}
.b1,.b0{border-radius:10px;padding:8px 14px;font-weight:600;text-align:center}
.b1{background:var(--a);color:var(--af)}
.b1:disabled{opacity:.6}
.b0{border:1px solid #9ca3af;background:#fff;color:#111827}
.nc{width:100%}
.ov{position:absolute;inset:0;z-index:2;display:flex;align-items:center;justify-content:center;padding:16px;background:rgba(17,24,39,.5)}
.dlg{width:100%;max-width:340px;max-height:100%;overflow:auto;background:#fff;border-radius:14px;padding:18px;box-shadow:0 10px 30px rgba(0,0,0,.3)}
.dlg h2{font-size:16px;font-weight:600;margin:0 0 8px;line-height:1.3}
.dlg p{margin:0 0 10px}
.dlg form{margin:0}
.dlg label{display:block;font-size:13px;font-weight:600;margin:10px 0 4px}
.dlg textarea,.dlg input{width:100%;border-radius:8px;padding:8px 10px;font-size:14px}
.dlg textarea{resize:vertical;min-height:80px}
.hint{font-size:12px;color:#4b5563;text-align:right;margin-top:2px}
.fe{font-size:12.5px;margin:8px 0 0}
.url{font-size:12px;color:#4b5563;word-break:break-all}
.acts{display:flex;justify-content:flex-end;flex-wrap:wrap;gap:8px;margin-top:14px}
@media (max-width:479.98px){
.bm .pn{top:0;right:0;bottom:0;left:0;width:100%;max-width:none;height:100vh;height:100dvh;max-height:none;border-radius:0;animation:none;padding:0 env(safe-area-inset-right,0px) 0 env(safe-area-inset-left,0px)}
.bm .hd{padding-top:calc(12px + env(safe-area-inset-top,0px))}
.bm .ft{padding-bottom:calc(10px + env(safe-area-inset-bottom,0px))}
.bm.open .bub{display:none}
textarea,input,.cmp textarea{font-size:16px}
}
@media (prefers-reduced-motion:reduce){*,*::before,*::after{animation:none!important;transition:none!important;scroll-behavior:auto!important}}
`;
  let sheet = null;
  function attachStyles(sh) {
    try {
      if ('adoptedStyleSheets' in sh && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
        if (!sheet) {
          sheet = new CSSStyleSheet();
          sheet.replaceSync(CSS);
        }
        sh.adoptedStyleSheets = [sheet];
        return;
      }
    } catch (e) {
      /* fall back below */
    }
    const st = doc.createElement('style');
    st.textContent = CSS;
    sh.append(st);
  }

  // ================================================================ DOM helpers
  function el(tag, attrs, kids) {
    const e = doc.createElement(tag);
    if (attrs) {
      for (const k in attrs) {
        const v = attrs[k];
        if (v == null || v === false) continue;
        if (k === 'text') e.textContent = v;
        else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
        else e.setAttribute(k, v === true ? '' : String(v));
      }
    }
    append(e, kids);
    return e;
  }
  function append(e, k) {
    if (k == null || k === false) return;
    if (Array.isArray(k)) k.forEach((x) => append(e, x));
    else e.append(k); // strings become text nodes
  }
  const SVG_NS = 'http://www.w3.org/2000/svg';
  function icon(d, size) {
    const svg = doc.createElementNS(SVG_NS, 'svg');
    const a = { viewBox: '0 0 24 24', width: size, height: size, fill: 'none', stroke: 'currentColor', 'stroke-width': 2, 'stroke-linecap': 'round', 'stroke-linejoin': 'round', 'aria-hidden': 'true', focusable: 'false' };
    for (const k in a) svg.setAttribute(k, a[k]);
    const p = doc.createElementNS(SVG_NS, 'path');
    p.setAttribute('d', d);
    svg.append(p);
    return svg;
  }
  const ICON_CHAT = 'M21 12a8 8 0 0 1-11.6 7.1L4 20.5l1.5-4.9A8 8 0 1 1 21 12z';
  const ICON_CLOSE = 'M6 6l12 12M18 6L6 18';
  const ICON_SEND = 'M5 12h13M12 5l7 7-7 7';

  function renderMarkdown(text) {
    const f = doc.createDocumentFragment();
    parseMarkdown(text).forEach((b) => f.append(mdBlock(b)));
    return f;
  }
  function mdBlock(b) {
    switch (b.t) {
      case 'p':
        return el('p', null, mdInline(b.c));
      case 'h':
        return el('p', { class: 'h' }, el('strong', null, mdInline(b.c)));
      case 'pre':
        return el('pre', null, el('code', { text: b.v }));
      case 'hr':
        return el('hr');
      case 'q':
        return el('blockquote', null, b.c.map(mdBlock));
      case 'table': {
        const cls = (k) => ({ c: 'c', r: 'rt' })[b.align[k]] || null;
        return el('div', { class: 'tw' }, el('table', null, [
          el('thead', null, el('tr', null, b.head.map((c, k) => el('th', { class: cls(k) }, mdInline(c))))),
          el('tbody', null, b.rows.map((r) => el('tr', null, r.map((c, k) => el('td', { class: cls(k) }, mdInline(c)))))),
        ]));
      }
      default:
        return el(b.t, { start: b.start !== 1 ? b.start : null }, b.items.map((it) =>
          el('li', null, it.length === 1 && it[0].t === 'p' ? mdInline(it[0].c) : it.map(mdBlock))));
    }
  }
  function mdInline(nodes) {
    return nodes.map((x) => {
      if (typeof x === 'string') return x;
      if (x.t === 'br') return el('br');
      if (x.t === 'code') return el('code', { text: x.v });
      if (x.t === 'a') return linkEl(x.href, mdInline(x.c));
      return el(x.t === 'b' ? 'strong' : x.t === 'i' ? 'em' : 'del', null, mdInline(x.c));
    });
  }
  const linkEl = (href, kids) => el('a', { href, target: '_blank', rel: 'noopener noreferrer nofollow' }, kids);

  // ================================================================ module state
  const warn = (m) => console.warn('Chat9Widget: ' + m);
  const OPTION_NAMES = ['mode', 'target', 'color', 'position', 'topClearance', 'userHints', 'identityToken', 'apiBase', 'locale'];

  const script = (() => {
    const cs = doc.currentScript;
    if (cs && cs.getAttribute('data-bot-id')) return cs;
    for (const s of doc.querySelectorAll('script[data-bot-id]')) {
      try {
        if (s.src && new URL(s.src, location.href).pathname.endsWith('/widget.js')) return s;
      } catch (e) {
        /* ignore */
      }
    }
    return null;
  })();
  const botId = script ? (script.getAttribute('data-bot-id') || '').trim() : '';
  const scriptOrigin = (() => {
    try {
      return new URL(script.src, location.href).origin;
    } catch (e) {
      return location.origin;
    }
  })();

  let started = false;
  let destroyed = false;
  let runId = 0;
  let hints = null; // current userHints, kept across stop()/start()
  let S = null; // state of the mounted UI
  let uid = 0;
  const ctrls = new Set(); // AbortControllers of running requests
  const live = (s, ep) => S === s && s.ep === ep;

  function cleanHints(v) {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return null;
    const h = {};
    for (const k of Object.keys(v)) {
      if (HINT_KEYS.includes(k) && typeof v[k] === 'string') {
        if (v[k]) h[k] = v[k];
      } else if (v[k] != null) {
        warn('userHints.' + k + ' ignored (known string members: ' + HINT_KEYS.join(', ') + ')');
      }
    }
    return h;
  }

  function cleanBase(v) {
    if (typeof v !== 'string') return null;
    try {
      const u = new URL(v.trim());
      if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
      return (u.origin + u.pathname).replace(/\/+$/, '');
    } catch (e) {
      return null;
    }
  }

  function readOptions(opts) {
    const o = { mode: 'bubble', position: 'right', topClearance: 0 };
    if (opts == null) return o;
    if (typeof opts !== 'object' || Array.isArray(opts)) {
      warn('start() expects an options object; using the defaults');
      return o;
    }
    for (const k of Object.keys(opts)) {
      const v = opts[k];
      if (!OPTION_NAMES.includes(k)) {
        warn('unknown option "' + k + '" ignored');
        continue;
      }
      if (v === undefined) continue;
      let ok = true;
      if (k === 'mode') ok = v === 'bubble' || v === 'inline';
      else if (k === 'position') ok = v === 'left' || v === 'right';
      else if (k === 'target') ok = typeof v === 'string' && !!v.trim();
      else if (k === 'color') ok = typeof v === 'string' && HEX_RE.test(v.trim());
      else if (k === 'topClearance') ok = typeof v === 'number' && Number.isFinite(v) && v >= 0;
      else if (k === 'identityToken') ok = typeof v === 'string' && !!v;
      else if (k === 'locale') ok = typeof v === 'string' && v.length <= 35 && LOCALE_RE.test(v);
      if (k === 'userHints') {
        const h = v === null ? null : cleanHints(v);
        if (v !== null && !h) ok = false;
        else o.hints = { v: h };
      } else if (k === 'apiBase') {
        const b = cleanBase(v);
        if (b) o.apiBase = b;
        else ok = false;
      } else if (ok) {
        o[k] = typeof v === 'string' && k !== 'identityToken' ? v.trim() : v;
      }
      if (!ok) warn('invalid value for option "' + k + '"; using the default');
    }
    if (o.target && o.mode !== 'inline') warn('option "target" is only used in inline mode');
    return o;
  }

  function normConfig(c) {
    c = c && typeof c === 'object' ? c : {};
    const L = c.link_safety_labels && typeof c.link_safety_labels === 'object' ? c.link_safety_labels : {};
    const str = (v, d) => (typeof v === 'string' && v.trim() ? v : d);
    return {
      name: str(c.bot_name, 'Assistant'),
      accent: typeof c.accent_color === 'string' && HEX_RE.test(c.accent_color) ? c.accent_color : '#2563eb',
      safety: c.link_safety_enabled === true,
      domains: Array.isArray(c.allowed_domains) ? c.allowed_domains.filter((d) => typeof d === 'string') : [],
      labels: { title: str(L.title, T.linkTitle), body: str(L.body, T.linkBody), ok: str(L.continue_label, T.linkOk), cancel: str(L.cancel_label, T.cancel) },
      esc: c.escalation_enabled === true,
      max: Number.isInteger(c.max_message_chars) && c.max_message_chars > 0 ? c.max_message_chars : 1000,
      ttl: typeof c.session_ttl_hours === 'number' && c.session_ttl_hours > 0 ? c.session_ttl_hours : 24,
    };
  }

  // ================================================================ HTTP
  /** fetch wrapper: never throws. Returns {ok, status, data, code, wait} or, for a 200 stream, {ok, res, ctrl}. */
  async function call(base, method, path, query, body, stream) {
    const ctrl = new AbortController();
    ctrls.add(ctrl);
    const qs = new URLSearchParams();
    for (const k in query) if (query[k] != null && query[k] !== '') qs.set(k, query[k]);
    const init = { method, mode: 'cors', credentials: 'omit', signal: ctrl.signal, headers: { Accept: stream ? 'text/event-stream' : 'application/json' } };
    if (body) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let res;
    try {
      res = await fetch(base + path + (qs.toString() ? '?' + qs : ''), init);
    } catch (e) {
      ctrls.delete(ctrl);
      return { ok: false, status: 0 };
    }
    if (res.ok && stream) return { ok: true, status: res.status, res, ctrl };
    let data = null;
    try {
      data = await res.json();
    } catch (e) {
      /* no JSON body */
    }
    ctrls.delete(ctrl);
    if (res.ok) return data && typeof data === 'object' ? { ok: true, status: res.status, data } : { ok: false, status: 0 };
    const ra = parseInt(res.headers.get('Retry-After'), 10);
    const rs = data && Number(data.retry_after_seconds);
    return { ok: false, status: res.status, data, code: data && data.code, wait: ra > 0 ? ra : rs > 0 ? Math.ceil(rs) : 5 };
  }

  /** Reads an SSE body; onFrame returns true for a final frame. Throws when the stream fails or is aborted. */
  async function readStream(res, ctrl, onFrame) {
    const reader = res.body.getReader();
    const dec = new TextDecoder();
    let final = false;
    let timer = 0;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => ctrl.abort(), 45000); // heartbeats come every 15 s; silence means a dead connection
    };
    const parser = createSseParser((f) => {
      if (!final && onFrame(f)) final = true;
    });
    try {
      arm();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        arm();
        parser.push(dec.decode(value, { stream: true }));
        if (final) {
          reader.cancel().catch(() => {});
          return;
        }
      }
      parser.push(dec.decode());
      parser.end();
    } finally {
      clearTimeout(timer);
    }
  }

  // ================================================================ storage (chat9:<bot_id>:<user key> = {session_id, last_active_at})
  function storeKey(s) {
    return 'chat9:' + botId + ':' + (tokenUserId(s.token) || (hints && hints.user_id) || 'anon');
  }
  function storeRead(s) {
    try {
      const k = storeKey(s);
      const raw = localStorage.getItem(k);
      if (!raw) return null;
      const v = JSON.parse(raw);
      const t = v && (typeof v.last_active_at === 'number' ? v.last_active_at : Date.parse(v.last_active_at));
      if (v && typeof v.session_id === 'string' && v.session_id && t > 0 && Date.now() - t <= s.cfg.ttl * 3600e3) return v;
      localStorage.removeItem(k);
    } catch (e) {
      /* storage unavailable */
    }
    return null;
  }
  function storeTouch(s) {
    try {
      if (s.sid) localStorage.setItem(storeKey(s), JSON.stringify({ session_id: s.sid, last_active_at: new Date().toISOString() }));
    } catch (e) {
      /* storage unavailable or full */
    }
  }
  function storeForget(s) {
    try {
      localStorage.removeItem(storeKey(s));
    } catch (e) {
      /* ignore */
    }
  }
  function storeSweep(ttl) {
    try {
      const prefix = 'chat9:' + botId + ':';
      for (let i = localStorage.length - 1; i >= 0; i--) {
        const k = localStorage.key(i);
        if (!k || !k.startsWith(prefix)) continue;
        let v = null;
        try {
          v = JSON.parse(localStorage.getItem(k));
        } catch (e) {
          /* invalid entry */
        }
        const t = v && (typeof v.last_active_at === 'number' ? v.last_active_at : Date.parse(v.last_active_at));
        if (!(t > 0) || Date.now() - t > ttl * 3600e3) localStorage.removeItem(k);
      }
    } catch (e) {
      /* ignore */
    }
  }

  // ================================================================ mount / UI
  function mount(o, cfg, target) {
    const colors = accentColors(o.color || cfg.accent);
    const inline = o.mode === 'inline';
    const host = el('div', { 'data-chat9-widget': '', 'data-mode': o.mode });
    const sh = host.attachShadow({ mode: 'open' });
    attachStyles(sh);
    const root = el('div', { class: 'r ' + (inline ? 'inl' : 'bm') + (o.position === 'left' ? ' left' : ''), 'data-role': 'root' });
    for (const [k, v] of Object.entries({ '--a': colors.a, '--af': colors.af, '--ring': colors.ring, '--lk': colors.lk, '--tc': o.topClearance + 'px' })) root.style.setProperty(k, v);

    const s = {
      o, cfg, host, sh, root, inline, ep: 0, base: o.apiBase || scriptOrigin, token: o.identityToken, locale: o.locale,
      sid: null, mode: undefined, busy: false, ended: false, open: inline, stick: true, coolUntil: 0, coolT: 0, modal: null, sessP: null,
    };

    const panelLabel = fmt(T.panel, { name: cfg.name });
    s.title = el('div', { class: 'ttl', 'data-role': 'title', text: cfg.name });
    s.escBtn = el('button', { type: 'button', class: 'hb', 'data-role': 'escalate-button', text: T.human, onclick: () => openEscalate(s, 'user_request', s.escBtn) });
    s.closeBtn = inline ? null : el('button', { type: 'button', class: 'x', 'data-role': 'close', 'aria-label': T.close, onclick: () => setOpen(s, false) }, icon(ICON_CLOSE, 20));
    s.log = el('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': T.log, 'data-role': 'log', tabindex: '0' });
    s.log.addEventListener('scroll', () => {
      s.stick = s.log.scrollHeight - s.log.scrollTop - s.log.clientHeight < 48;
    });

    const ids = { cnt: 'c9c' + ++uid, note: 'c9n' + ++uid };
    s.input = el('textarea', {
      'data-role': 'input', rows: 1, maxlength: cfg.max, placeholder: T.placeholder, 'aria-label': T.input, dir: 'auto',
      'aria-describedby': ids.cnt + ' ' + ids.note, enterkeyhint: 'send',
    });
    s.input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
        e.preventDefault();
        send(s);
      }
    });
    s.input.addEventListener('input', () => {
      setNote(s, '');
      grow(s);
      update(s);
    });
    s.send = el('button', { type: 'submit', class: 'snd', 'data-role': 'send', 'aria-label': T.send, disabled: true }, icon(ICON_SEND, 20));
    s.cmp = el('form', { class: 'cmp', 'data-role': 'composer' }, [s.input, s.send]);
    s.cmp.addEventListener('submit', (e) => {
      e.preventDefault();
      send(s);
    });
    s.note = el('span', { class: 'note', id: ids.note, 'data-role': 'input-note', hidden: true });
    s.cnt = el('span', { class: 'cnt', id: ids.cnt, 'data-role': 'counter', hidden: true });
    s.meta = el('div', { class: 'meta', hidden: true }, [s.note, s.cnt]);
    s.endNote = el('p', { class: 'endnote', 'data-role': 'ended', text: T.ended, hidden: true });
    s.nc = el('button', { type: 'button', class: 'b1 nc', 'data-role': 'new-chat', text: T.newChat, hidden: true, onclick: () => newChat(s) });

    s.main = el('div', { class: 'main' }, [
      el('div', { class: 'hd', 'data-role': 'header' }, [s.title, s.escBtn, s.closeBtn]),
      s.log,
      el('div', { class: 'ft', 'data-role': 'footer' }, [s.cmp, s.meta, s.endNote, s.nc]),
    ]);
    s.panel = el('div', inline
      ? { class: 'pn', role: 'region', 'aria-label': panelLabel, 'data-role': 'panel' }
      : { class: 'pn', id: 'c9-panel', role: 'dialog', 'aria-label': panelLabel, 'data-role': 'panel', hidden: true }, s.main);
    s.panel.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && !inline && !s.modal) {
        e.preventDefault();
        setOpen(s, false);
      }
    });
    if (!inline) {
      s.bubble = el('button', {
        type: 'button', class: 'bub', 'data-role': 'bubble', 'aria-label': fmt(T.open, { name: cfg.name }),
        'aria-expanded': 'false', 'aria-controls': 'c9-panel', onclick: () => setOpen(s, !s.open),
      }, icon(ICON_CHAT, 26));
      root.append(s.bubble);
    }
    root.append(s.panel);
    sh.append(root);
    const onLink = (e) => linkClick(s, e);
    sh.addEventListener('click', onLink);
    sh.addEventListener('auxclick', onLink);

    if (inline) {
      let own = 0;
      try {
        const cs = getComputedStyle(target);
        own = target.clientHeight - parseFloat(cs.paddingTop || 0) - parseFloat(cs.paddingBottom || 0);
      } catch (e) {
        /* ignore */
      }
      if (own > 0) host.setAttribute('data-fill', '');
      target.append(host);
    } else {
      doc.body.append(host);
    }
    S = s;
    storeSweep(cfg.ttl);
    update(s);
    if (inline) ensureSession(s);
  }

  function setOpen(s, open) {
    if (s.inline || s.open === open) return;
    s.open = open;
    s.panel.hidden = !open;
    s.root.classList.toggle('open', open);
    if (open) s.root.setAttribute('data-open', 'true');
    else s.root.removeAttribute('data-open');
    s.bubble.setAttribute('aria-expanded', String(open));
    s.bubble.replaceChildren(icon(open ? ICON_CLOSE : ICON_CHAT, 26));
    if (open) {
      ensureSession(s);
      s.stick = true;
      scroll(s);
      (s.ended ? s.nc : s.input).focus();
    } else {
      s.bubble.focus();
    }
  }

  function update(s) {
    const cool = s.coolUntil > Date.now();
    s.send.disabled = s.busy || cool || s.ended || !s.input.value.trim();
    s.escBtn.hidden = !s.cfg.esc || s.ended;
    s.escBtn.disabled = s.busy;
    s.cmp.hidden = s.ended;
    s.endNote.hidden = s.nc.hidden = !s.ended;
    s.root.classList.toggle('ended', s.ended);
    if (s.ended) s.root.setAttribute('data-ended', 'true');
    else s.root.removeAttribute('data-ended');
    const n = s.input.value.length;
    const max = s.cfg.max;
    s.cnt.hidden = s.ended || n < max - Math.max(50, Math.round(max / 10));
    s.cnt.textContent = fmt(T.counter, { n, max });
    s.cnt.classList.toggle('over', n >= max);
    s.meta.hidden = s.cnt.hidden && s.note.hidden;
  }

  function setNote(s, text) {
    s.note.textContent = text;
    s.note.hidden = !text;
    update(s);
  }

  function grow(s) {
    const i = s.input;
    i.style.height = 'auto';
    i.style.height = Math.min(i.scrollHeight + 2, 120) + 'px';
  }

  function scroll(s) {
    if (s.stick) s.log.scrollTop = s.log.scrollHeight;
  }

  function restoreInput(s, text) {
    if (!s.input.value) {
      s.input.value = text;
      grow(s);
    }
    update(s);
  }

  function cooldown(s, sec) {
    s.coolUntil = Date.now() + sec * 1000;
    clearTimeout(s.coolT);
    s.coolT = setTimeout(() => S === s && update(s), sec * 1000 + 50);
    update(s);
  }

  function failText(r) {
    return r.status === 0 ? T.connLost : r.status === 429 ? fmt(T.rate, { n: r.wait }) : r.code === 'session_busy' ? T.busy : T.generic;
  }

  /** An error note; with `retry`, a Retry button that removes the note and calls retry(). */
  function errorBox(s, text, retry, parent) {
    const box = el('div', { class: 'err', 'data-role': 'error' }, el('span', { text }));
    if (retry) {
      box.append(el('button', {
        type: 'button', class: 'rb', 'data-role': 'retry', text: T.retry,
        onclick: () => {
          if (s.busy || s.ended) return;
          box.remove();
          retry();
        },
      }));
    }
    (parent || s.log).append(box);
    scroll(s);
    return box;
  }

  function userMsg(s, text) {
    const m = el('div', { class: 'm u', 'data-role': 'message-user' }, el('div', { class: 'bd', 'data-role': 'message-body', dir: 'auto', text }));
    s.log.append(m);
    scroll(s);
    return m;
  }

  function assistantMsg(s, streaming) {
    const st = streaming ? el('div', { class: 'st', 'data-role': 'status', text: T.thinking }) : null;
    const bd = el('div', { class: 'bd pl', 'data-role': 'message-body', dir: 'auto', hidden: streaming });
    const e = el('div', { class: 'm a', 'data-role': 'message-assistant', 'data-state': streaming ? 'streaming' : 'done', 'aria-busy': streaming ? 'true' : null }, [st, bd]);
    s.log.append(e);
    scroll(s);
    const settle = (state) => {
      if (st) st.remove();
      e.setAttribute('data-state', state);
      e.setAttribute('aria-busy', 'false');
    };
    const md = (text) => {
      bd.className = 'bd md';
      bd.hidden = false;
      bd.replaceChildren(renderMarkdown(text));
    };
    return {
      el: e,
      status(stage) {
        if (st && STAGES[stage]) st.textContent = STAGES[stage];
      },
      chunk(t) {
        bd.hidden = false;
        bd.append(t);
        scroll(s);
      },
      finish(text, sources, answer, interrupted) {
        settle(interrupted ? 'interrupted' : 'done');
        md(text);
        if (interrupted) e.append(el('div', { class: 'im', 'data-role': 'interrupted', text: T.interruptedMark }));
        const items = (Array.isArray(sources) ? sources : []).filter((x) => x && typeof x === 'object' && (x.title || x.url)).map((x) => {
          const title = typeof x.title === 'string' && x.title.trim() ? x.title : String(x.url);
          const href = safeUrl(x.url);
          return el('li', null, href ? linkEl(href, title) : title);
        });
        if (items.length) e.append(el('div', { class: 'src', 'data-role': 'sources' }, [el('div', { text: T.sources }), el('ul', null, items)]));
        if (answer && s.cfg.esc) {
          const b = el('button', { type: 'button', class: 'nh', 'data-role': 'not-helpful', text: T.notHelpful, onclick: () => openEscalate(s, 'answer_rejected', b) });
          e.append(b);
        }
        scroll(s);
      },
      fail(text, message, retry) {
        settle('interrupted');
        if (text) {
          md(text);
          e.append(el('div', { class: 'im', 'data-role': 'interrupted', text: T.interruptedMark }));
        } else {
          bd.remove();
        }
        errorBox(s, message, retry, e);
      },
    };
  }

  function ticketLine(s, n) {
    s.log.append(el('div', { class: 'tk', 'data-role': 'ticket', text: fmt(T.ticket, { n }) }));
    scroll(s);
  }

  function setEnded(s) {
    const hadFocus = s.sh.activeElement === s.input || s.sh.activeElement === s.send;
    s.ended = true;
    update(s);
    if (hadFocus) s.nc.focus();
  }

  function renderHistory(s, data) {
    const msgs = Array.isArray(data.messages) ? data.messages : [];
    let seenUser = false;
    for (const m of msgs) {
      if (!m || typeof m.content !== 'string') continue;
      if (m.role === 'user') {
        userMsg(s, m.content);
        seenUser = true;
      } else if (m.role === 'assistant') {
        assistantMsg(s, false).finish(m.content, m.sources, seenUser, m.interrupted === true);
      }
    }
    if (typeof data.ticket_number === 'string' && data.ticket_number) ticketLine(s, data.ticket_number);
    if (data.chat_ended === true) setEnded(s);
    s.stick = true;
    scroll(s);
    return msgs.length;
  }

  // ================================================================ session
  function ensureSession(s, fresh) {
    if (s.sid) return Promise.resolve(true);
    if (!s.sessP) {
      const p = openSession(s, fresh).finally(() => {
        if (s.sessP === p) s.sessP = null;
      });
      s.sessP = p;
    }
    return s.sessP;
  }

  async function openSession(s, fresh) {
    const ep = s.ep;
    s.busy = true;
    update(s);
    if (s.sessErr) s.sessErr.remove();
    const retry = () => ensureSession(s, fresh);
    try {
      if (!fresh) {
        const st = storeRead(s);
        if (st) {
          const h = await call(s.base, 'GET', '/widget/history', { bot_id: botId, session_id: st.session_id });
          if (!live(s, ep)) return false;
          if (h.ok) {
            s.sid = st.session_id;
            storeTouch(s);
            const n = renderHistory(s, h.data);
            if (!n && !s.ended) await turn(s, '', null); // session without a greeting yet
            return true;
          }
          if (h.code !== 'session_not_found' && h.code !== 'session_invalid') {
            s.sessErr = errorBox(s, failText(h), retry);
            return false;
          }
          storeForget(s);
        }
      }
      if (!(await initSession(s, ep, retry))) return false;
      if (s.resumed) {
        const h = await call(s.base, 'GET', '/widget/history', { bot_id: botId, session_id: s.sid });
        if (!live(s, ep)) return false;
        if (h.ok && renderHistory(s, h.data)) return true;
      }
      await turn(s, '', null); // greeting turn
      return true;
    } finally {
      if (live(s, ep)) {
        s.busy = false;
        update(s);
      }
    }
  }

  /** POST /widget/session/init; on failure shows an error (with `retry` when given) and returns false. */
  async function initSession(s, ep, retry) {
    const body = { bot_id: botId };
    if (s.token) body.identity_token = s.token;
    if (hints && Object.keys(hints).length) body.user_hints = hints;
    if (s.locale) body.locale = s.locale;
    const r = await call(s.base, 'POST', '/widget/session/init', {}, body);
    if (!live(s, ep)) return false;
    if (!r.ok || typeof r.data.session_id !== 'string') {
      s.sessErr = errorBox(s, failText(r), retry);
      return false;
    }
    s.sid = r.data.session_id;
    s.mode = r.data.mode;
    s.resumed = r.data.resumed === true;
    storeTouch(s);
    return true;
  }

  function forgetSession(s) {
    storeForget(s);
    s.sid = null;
    s.mode = undefined;
  }

  function newChat(s) {
    if (s.busy) return;
    forgetSession(s);
    s.ended = false;
    s.log.append(el('div', { class: 'dv', role: 'separator', 'data-role': 'divider', text: T.newConv }));
    s.stick = true;
    update(s);
    s.input.focus();
    ensureSession(s, true);
  }

  /** Resets the conversation (another user): aborts requests, clears the transcript, starts over when visible. */
  function resetConversation(s) {
    s.ep++;
    ctrls.forEach((c) => c.abort());
    ctrls.clear();
    if (s.modal) s.modal.close();
    s.log.replaceChildren();
    s.sid = null;
    s.mode = undefined;
    s.sessP = null;
    s.busy = false;
    s.ended = false;
    setNote(s, '');
    update(s);
    if (s.open) ensureSession(s);
  }

  // ================================================================ sending and streaming
  async function send(s) {
    if (S !== s || s.busy || s.ended || s.coolUntil > Date.now()) return;
    const text = s.input.value.trim();
    if (!text) return;
    if (text.length > s.cfg.max) {
      setNote(s, fmt(T.tooLong, { n: s.cfg.max }));
      return;
    }
    const ep = s.ep;
    s.input.value = '';
    grow(s);
    setNote(s, '');
    if (!s.sid) {
      const ok = await ensureSession(s);
      if (!live(s, ep)) return;
      if (!ok || !s.sid || s.ended || s.busy) {
        restoreInput(s, text);
        return;
      }
    }
    s.stick = true;
    await turn(s, text, userMsg(s, text));
  }

  /** One chat turn: POST /widget/chat and stream the answer. text '' = greeting turn. */
  async function turn(s, text, userEl, resent) {
    const ep = s.ep;
    s.busy = true;
    update(s);
    const m = assistantMsg(s, true);
    const body = { message: text };
    if (s.locale) body.locale = s.locale;
    const r = await call(s.base, 'POST', '/widget/chat', { bot_id: botId, session_id: s.sid, locale: s.locale }, body, true);
    if (!live(s, ep)) return;
    const again = () => turn(s, text, userEl);
    if (!r.ok) {
      m.el.remove();
      s.busy = false;
      const giveBack = () => {
        if (userEl) {
          userEl.remove();
          restoreInput(s, text);
        }
      };
      if (r.code === 'session_closed') {
        giveBack();
        setEnded(s);
      } else if ((r.code === 'session_not_found' || r.code === 'session_invalid') && !resent) {
        forgetSession(s);
        if (!text) {
          errorBox(s, T.generic, () => ensureSession(s, true));
        } else if (await initSession(s, ep, null)) {
          await turn(s, text, userEl, true);
          return;
        } else if (live(s, ep)) {
          giveBack();
        }
      } else if (r.status === 429) {
        giveBack();
        cooldown(s, r.wait);
        errorBox(s, fmt(T.rate, { n: r.wait }));
      } else if (r.status === 413) {
        giveBack();
        const n = (r.data && Number(r.data.max_chars)) || s.cfg.max;
        setNote(s, fmt(T.tooLong, { n }));
      } else if (r.code === 'message_required') {
        giveBack();
      } else {
        errorBox(s, failText(r), again);
      }
      if (live(s, ep)) update(s);
      return;
    }

    let acc = '';
    let done = null;
    let err = null;
    try {
      await readStream(r.res, r.ctrl, (f) => {
        if (f.type === 'status') m.status(f.stage);
        else if (f.type === 'chunk' && typeof f.text === 'string') {
          acc += f.text;
          m.chunk(f.text);
        } else if (f.type === 'done') done = f;
        else if (f.type === 'error') err = f;
        return !!(done || err);
      });
    } catch (e) {
      /* cut stream, watchdog or stop(): handled below */
    }
    ctrls.delete(r.ctrl);
    if (!live(s, ep)) return;
    s.busy = false;
    if (done) {
      if (typeof done.session_id === 'string' && done.session_id) s.sid = done.session_id;
      storeTouch(s);
      m.finish(typeof done.text === 'string' ? done.text : acc, done.sources, !!text, false);
      if (typeof done.ticket_number === 'string' && done.ticket_number) ticketLine(s, done.ticket_number);
      if (done.chat_ended === true) setEnded(s);
    } else {
      storeTouch(s);
      const msg = err ? (typeof err.message === 'string' && err.message.trim() ? err.message : T.generic) : acc ? T.interrupted : T.connLost;
      m.fail(acc, msg, again);
    }
    update(s);
    scroll(s);
  }

  // ================================================================ dialogs
  function openModal(s, role, opener, title, build) {
    if (s.modal) s.modal.close();
    const tid = 'c9t' + ++uid;
    const dlg = el('div', { class: 'dlg', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': tid, 'data-role': role }, el('h2', { id: tid, text: title }));
    const ov = el('div', { class: 'ov' }, dlg);
    const modal = {
      close() {
        if (s.modal !== modal) return;
        s.modal = null;
        ov.remove();
        s.main.inert = false;
        if (s.bubble) s.bubble.inert = false;
        const back = opener && opener.isConnected && opener.getClientRects().length ? opener : s.ended ? s.nc : s.input;
        back.focus();
      },
    };
    s.modal = modal;
    const first = build(dlg, modal.close);
    ov.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        modal.close();
      } else if (e.key === 'Tab') {
        const f = [...dlg.querySelectorAll('button,input,textarea,a[href]')].filter((x) => !x.disabled && x.getClientRects().length);
        if (!f.length) return;
        const cur = s.sh.activeElement;
        const i = f.indexOf(cur);
        if (e.shiftKey && i <= 0) {
          e.preventDefault();
          f[f.length - 1].focus();
        } else if (!e.shiftKey && (i === f.length - 1 || i < 0)) {
          e.preventDefault();
          f[0].focus();
        }
      }
    });
    ov.addEventListener('mousedown', (e) => {
      if (e.target === ov) e.preventDefault(); // keep focus inside the dialog
    });
    s.panel.append(ov);
    s.main.inert = true;
    if (s.bubble) s.bubble.inert = true;
    (first || dlg).focus();
    return modal;
  }

  function linkClick(s, e) {
    if (S !== s || !s.cfg.safety || (e.type === 'auxclick' && e.button !== 1)) return;
    const a = e.target && e.target.closest ? e.target.closest('a[href]') : null;
    if (!a) return;
    let u;
    try {
      u = new URL(a.href);
    } catch (x) {
      e.preventDefault();
      return;
    }
    if (!isExternal(u.hostname, location.hostname, s.cfg.domains)) return;
    e.preventDefault();
    const L = s.cfg.labels;
    openModal(s, 'link-dialog', a, L.title, (dlg, close) => {
      const bid = 'c9b' + ++uid;
      dlg.setAttribute('aria-describedby', bid);
      const cancel = el('button', { type: 'button', class: 'b0', 'data-role': 'link-cancel', text: L.cancel, onclick: close });
      const go = el('button', {
        type: 'button', class: 'b1', 'data-role': 'link-continue', text: L.ok,
        onclick: () => {
          window.open(u.href, '_blank', 'noopener,noreferrer');
          close();
        },
      });
      dlg.append(
        el('p', { id: bid, 'data-role': 'link-body', text: L.body.split('{hostname}').join(u.hostname) }),
        el('p', { class: 'url', 'data-role': 'link-url', text: u.href }),
        el('div', { class: 'acts' }, [cancel, go])
      );
      return cancel;
    });
  }

  function openEscalate(s, trigger, opener) {
    if (S !== s || s.ended || !s.cfg.esc || s.busy) return;
    const needEmail = s.mode ? s.mode !== 'identified' : !s.token;
    openModal(s, 'escalate-form', opener, T.human, (dlg, close) => {
      const nid = 'c9e' + ++uid;
      const eid = 'c9e' + ++uid;
      const fid = 'c9e' + ++uid;
      const note = el('textarea', { id: nid, rows: 4, maxlength: 2000, dir: 'auto', 'data-role': 'escalate-note' });
      const count = el('div', { class: 'hint', text: '0 / 2000', 'aria-hidden': 'true' });
      note.addEventListener('input', () => {
        count.textContent = note.value.length + ' / 2000';
      });
      const email = needEmail
        ? el('input', { id: eid, type: 'email', required: true, autocomplete: 'email', maxlength: 320, 'data-role': 'escalate-email', 'aria-describedby': fid })
        : null;
      if (email && hints && hints.email) email.value = hints.email;
      const err = el('p', { class: 'fe', id: fid, 'data-role': 'form-error', role: 'alert', hidden: true });
      const submit = el('button', { type: 'submit', class: 'b1', 'data-role': 'escalate-submit', text: T.escSubmit });
      const form = el('form', { novalidate: true }, [
        el('p', { text: T.escIntro }),
        el('label', { for: nid, text: T.escNote }),
        note,
        count,
        email && el('label', { for: eid, text: T.escEmail }),
        email,
        err,
        el('div', { class: 'acts' }, [el('button', { type: 'button', class: 'b0', 'data-role': 'escalate-cancel', text: T.cancel, onclick: close }), submit]),
      ]);
      const showErr = (text, field) => {
        err.textContent = text;
        err.hidden = false;
        if (field) {
          field.setAttribute('aria-invalid', 'true');
          field.focus();
        }
      };
      form.addEventListener('submit', async (e) => {
        e.preventDefault();
        if (submit.disabled) return;
        const mail = email ? email.value.trim() : '';
        if (email && (!EMAIL_RE.test(mail) || mail.length > 320)) return showErr(T.emailInvalid, email);
        if (email) email.removeAttribute('aria-invalid');
        err.hidden = true;
        submit.disabled = true;
        const ep = s.ep;
        if (!s.sid && !(await ensureSession(s))) {
          if (live(s, ep)) {
            submit.disabled = false;
            showErr(T.generic);
          }
          return;
        }
        if (!live(s, ep)) return;
        const body = { trigger };
        const nv = note.value.trim().slice(0, 2000);
        if (nv) body.user_note = nv;
        if (email) body.email = mail;
        const r = await call(s.base, 'POST', '/widget/escalate', { bot_id: botId, session_id: s.sid }, body);
        if (!live(s, ep)) return;
        submit.disabled = false;
        if (r.ok) {
          storeTouch(s);
          assistantMsg(s, false).finish(typeof r.data.message === 'string' ? r.data.message : '', null, false, false);
          if (typeof r.data.ticket_number === 'string' && r.data.ticket_number) ticketLine(s, r.data.ticket_number);
          if (r.data.chat_ended !== false) setEnded(s);
          close();
        } else if (r.code === 'escalation_disabled') {
          s.cfg.esc = false;
          update(s);
          close();
          errorBox(s, T.escOff);
        } else if (r.code === 'validation_failed' && email && r.data && r.data.errors && r.data.errors.email) {
          showErr(T.emailInvalid, email);
        } else {
          showErr(failText(r));
        }
      });
      dlg.append(form);
      return email && !email.value ? email : note;
    });
  }

  // ================================================================ public API
  async function start(options) {
    if (destroyed) return warn('destroy() was called; reload the page to use the widget again');
    if (started) return warn('start() called while the widget is already started; ignored');
    started = true;
    const run = ++runId;
    const o = readOptions(options);
    if (o.hints) hints = o.hints.v;
    if (!o.locale) {
      const nl = typeof navigator !== 'undefined' && navigator.language;
      if (typeof nl === 'string' && nl.length <= 35 && LOCALE_RE.test(nl)) o.locale = nl;
    }
    if (doc.readyState === 'loading') {
      await new Promise((r) => doc.addEventListener('DOMContentLoaded', r, { once: true }));
      if (run !== runId) return;
    }
    const fail = (msg) => {
      console.error('Chat9Widget: ' + msg);
      if (run === runId) started = false;
    };
    if (!botId) return fail('no bot id: add data-bot-id to the <script> tag that loads widget.js');
    let target = null;
    if (o.mode === 'inline') {
      target = o.target ? doc.getElementById(o.target.replace(/^#/, '')) : null;
      if (!target) return fail(o.target ? 'inline target element "' + o.target + '" not found' : 'inline mode needs the "target" option (an element id)');
    }
    const r = await call(o.apiBase || scriptOrigin, 'GET', '/widget/config', { bot_id: botId, locale: o.locale });
    if (run !== runId) return;
    if (!r.ok) return fail('could not load bot "' + botId + '" (' + (r.status ? r.status + (r.code ? ' ' + r.code : '') : 'network error') + ')');
    mount(o, normConfig(r.data), target);
  }

  function stop() {
    runId++;
    started = false;
    ctrls.forEach((c) => c.abort());
    ctrls.clear();
    const s = S;
    if (!s) return;
    S = null;
    s.ep++;
    clearTimeout(s.coolT);
    s.host.remove();
  }

  function destroy() {
    stop();
    destroyed = true;
    if (window.Chat9Widget === api) delete window.Chat9Widget;
  }

  function setHints(h) {
    const clean = h === null ? null : cleanHints(h);
    if (h !== null && !clean) return warn('setHints() expects an object or null');
    const prev = (hints && hints.user_id) || '';
    hints = clean;
    const next = (hints && hints.user_id) || '';
    if (prev !== next && S) resetConversation(S);
  }

  const api = Object.freeze({
    start,
    stop,
    destroy,
    isStarted: () => started,
    setHints,
  });
  window.Chat9Widget = api;
})();

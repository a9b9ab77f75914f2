// A temporary value whose reason has ended goes back, in the languages teams write: the change says it is
// for a while ("tạm thời", "le temps que …", "a migráció idejére") and a later text closes what it was for
// (the ticket "Đã đóng", "Fermé", "lezárva"). Vietnamese is read as the other languages are (with its
// tones and without), a tracker's key may be written in the team's own capitals ("SỰ CỐ-231"), French's
// "le temps que" and Hungarian's "idejére" are a while. Own phrasings here, none from a verdict story.
import { describe, expect, it } from 'vitest';
import { languageOf, readForeign } from '../../src/verdict/languages.js';
import { ticketsIn } from '../../src/verdict/log.js';
import { judge, type Step } from './memory-story.js';

const WRITTEN = '2027-03-02T10:00:00Z';
const TODAY = '2027-05-20';
const none = () => false;
const read = (text: string) => readForeign(text, 'staging', none, WRITTEN);

describe('Vietnamese is a language read, with its tones and without', () => {
  it.each([
    'staging: tạm thời tăng timeout lên 60s để kiểm thử tải',
    'Giảm số kết nối trên uat trong lúc chờ nhà cung cấp sửa lỗi',
    'Đã đóng phiếu sau khi khắc phục sự cố',
    'Bật lại kiểm tra chữ ký, việc còn lại: chưa làm',
  ])('%s', (text) => {
    expect(languageOf(text)).toEqual({ language: 'vi', read: true });
  });

  it.each([
    ['staging: tạm thời tăng timeout lên 60s', 'temporary'],
    ['uat: tam thoi giam pool xuong 5 de kiem thu', 'temporary'],
    ['qa: tạm tắt cache để tái hiện lỗi đăng nhập', 'test'],
    ['staging: biện pháp tạm trong lúc chờ nhà cung cấp sửa chứng chỉ', 'temporary'],
    ['Sẽ quay lại giá trị cũ sau khi sửa xong', 'back'],
  ] as const)('%s: %s', (text, kind) => {
    expect(read(text)[kind]).toBeDefined();
  });

  it.each([
    // "tạm ứng" is an advance payment, "thời gian giữ" a retention: neither a while nor a keep.
    'Thêm báo cáo tạm ứng cho kế toán',
    'Đổi thời gian giữ log sang 14 ngày cho mọi môi trường',
    'Không phải tạm thời: giá trị này là lâu dài',
  ])('not temporary: %s', (text) => {
    const r = read(text);
    expect(r.temporary && !r.doubts?.some((d) => d.phrase === r.temporary)).toBeFalsy();
  });
});

describe("a tracker's key written in the team's own capitals", () => {
  it.each([
    ['hậu kiểm SỰ CỐ-231', 'CỐ-231'],
    ['ÄND-12 ist erledigt', 'ÄND-12'],
    ['voir ÉQUIPE-7', 'ÉQUIPE-7'],
    ['ZGŁ-48: zamknięte', 'ZGŁ-48'],
    ['INC-2041 closed', 'INC-2041'],
  ])('%s', (text, ticket) => {
    expect(ticketsIn(text)).toContain(ticket);
  });

  it.each(['UTF-8 everywhere', 'Straße-12', 'größe-20 bleibt', 'schéma-2 du fichier'])('none in: %s', (text) => {
    expect(ticketsIn(text)).toEqual([]);
  });
});

describe('a temporary value whose ticket a later text closes goes back', () => {
  const start: Step = { subject: 'service defaults', date: '2026-11-01T10:00:00Z', set: { staging: ['', '30'], production: ['', '30'] } };
  const later: Step = { subject: 'docs: ticket export', date: '2027-04-20T10:00:00Z', touched: ['docs/tickets.md'] };
  const temporary = (subject: string, body = ''): Step => ({ subject, body, date: '2027-03-02T10:00:00Z', set: { staging: ['30', '5'] } });
  const doc = (text: string) => ({ documents: [{ path: 'docs/tickets.md', text, step: 2 }] });

  it.each([
    ['vi, with tones', 'staging: tạm thời giảm timeout xuống 5 để kiểm thử (HT-88)', '# HT-88\n\nTrạng thái: **Đã đóng** (2027-04-02)'],
    ['vi, without tones', 'staging: tam thoi giam timeout xuong 5 (HT-88)', '# HT-88\n\nTrạng thái: Đã đóng'],
    ['vi, a key in its own capitals', 'staging: tạm giảm timeout xuống 5 (SỰ CỐ-52)', '# Hậu kiểm SỰ CỐ-52\n\n- [x] Thay chứng chỉ của nhà cung cấp (xong)'],
    [
      'fr, "le temps que"',
      'staging : timeout à 5 (NET-204)',
      'Staging seulement, le temps que le fournisseur corrige son certificat.',
      '# NET-204\n\nStatut : Fermé (2027-04-02)',
    ],
    ['hu, "idejére"', 'staging: timeout 5 (NET-204)', 'Csak a tanúsítványcsere idejére.', '# NET-204\n\nStatus: lezárva (2027-04-02)'],
  ])('%s', (_what, subject, bodyOrText, text?: string) => {
    const [body, docText] = text === undefined ? ['', bodyOrText] : [bodyOrText, text];
    const v = judge('http.timeoutSeconds', [start, temporary(subject, body), later], TODAY, {}, doc(docText));
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', deliberate: 'production' });
    expect(v.reasons.join('\n')).toContain('docs/tickets.md');
  });

  it.each([
    ['vi, the ticket still open', 'staging: tạm thời giảm timeout xuống 5 (HT-88)', '', '# HT-88\n\nTrạng thái: đang xử lý, nhà cung cấp chưa trả lời'],
    [
      'fr, the ticket still open',
      'staging : timeout à 5 (NET-204)',
      'Staging seulement, le temps que le fournisseur corrige son certificat.',
      '# NET-204\n\nStatut : ouvert',
    ],
    ['vi, not said to be temporary', 'staging: giảm timeout xuống 5 (HT-88)', '', '# HT-88\n\nTrạng thái: Đã đóng'],
    ['vi, made the setting later', 'staging: tạm thời giảm timeout xuống 5 (HT-88)', '', '# HT-88\n\nQuyết định: timeout 5 trên staging là lâu dài (HT-88).'],
    [
      'fr, made the setting later',
      'staging : timeout à 5 (NET-204)',
      'Le temps que le fournisseur corrige son certificat.',
      '# NET-204\n\nDécision : ce n’est plus une mesure temporaire, on garde 5 (NET-204).',
    ],
  ])('not when %s', (_what, subject, body, text) => {
    const v = judge('http.timeoutSeconds', [start, temporary(subject, body), later], TODAY, {}, doc(text));
    expect(v.suggested === 'revert' && v.confidence >= 0.6, v.reasons.join('\n')).toBe(false);
  });
});

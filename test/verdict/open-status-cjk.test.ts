// A tracker's export in Chinese, Japanese or Korean writes its status with a full-width colon and no
// spaces ("状态：**处理中**"): a ticket still being handled is an open matter, as "Status: open" is.
// Own phrasings, none of the story's.
import { describe, expect, it } from 'vitest';
import { openIn } from '../../src/verdict/conditions.js';

describe('a CJK status line that says the ticket is still open', () => {
  it.each([
    '状态：处理中 · 负责人：王磊',
    '狀態：**處理中**',
    '状态: 进行中',
    'ステータス：対応中（担当：佐藤）',
    '状態：未対応',
    '상태: 진행 중',
    'Status: open',
  ])('%s', (text) => {
    expect(openIn(text)).toBeDefined();
  });

  it.each([
    '状态：已关闭 · 负责人：王磊',
    '状态：已解决',
    'ステータス：完了',
    '상태: 완료',
    // Being handled, said of something else than a status.
    '这个问题正在处理中，明天上线。',
  ])('not: %s', (text) => {
    expect(openIn(text)).toBeUndefined();
  });
});

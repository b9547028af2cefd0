/** The committee's sentences of cluster history: counts first, then the share, whole schools. */
import { expect, it } from 'vitest';
import { exitSentence, leftText, stillText } from '../../contract/cluster-history.ts';

it('says the seeds’ statement as the committee writes it', () => {
  expect(exitSentence('ШНОР', 2020, 2021, 5, 5)).toBe('из 5 ШНОР 2019/20 к 2020/21 вышли 5, 100 %');
  expect(exitSentence('ШФЗСОР', 2025, 2026, 5, 1)).toBe(
    'из 5 ШФЗСОР 2024/25 к 2025/26 вышла 1, 20 %',
  );
  // 2 of 3: 66,666… % → 66,7 %
  expect(exitSentence('ШПУН', 2024, 2026, 3, 2)).toBe(
    'из 3 ШПУН 2023/24 к 2025/26 вышли 2, 66,7 %',
  );
  expect(exitSentence('ШЛ', 2025, 2026, 2, 0)).toBe(
    'из 2 ШЛ 2024/25 к 2025/26 не вышла ни одна, 0 %',
  );
  expect(exitSentence('ШНОР', 2021, 2022, 0, 0)).toBe('в 2020/21 в списке ШНОР не было школ');
});

it('agrees the verb with the number', () => {
  expect([1, 2, 5, 11, 21, 22].map(leftText)).toEqual([
    'вышла 1',
    'вышли 2',
    'вышли 5',
    'вышли 11',
    'вышла 21',
    'вышли 22',
  ]);
  expect(stillText(1, 5)).toBe('осталась 1 из 5');
  expect(stillText(4, 5)).toBe('осталось 4 из 5');
});

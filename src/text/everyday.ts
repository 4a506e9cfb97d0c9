/**
 * Everyday words that are also the whole name of an AWS service once "aws"/"amazon" is dropped
 * ("aws backup", "amazon connect"). Such a name is weak: it names the service only after "aws" or
 * "amazon", or when nothing else in the question does ("whose job are backups?" is the topic).
 */
export const EVERYDAY_WORDS = new Set(
  `account accounts backup batch billing budgets cases config connect deadline discovery events forecast geo
  health identity location logs mail marketplace notifications organizations pipes pricing profile scheduler
  schemas support tax transfer translate`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Everyday words that are also the whole name of an AWS service once "aws"/"amazon" is dropped
 * ("aws backup", "amazon connect"). Such a name is weak: it names the service only after "aws" or
 * "amazon", or when nothing else in the question does ("whose job are backups?" is the topic).
 */
export const EVERYDAY_WORDS = new Set(
  `account accounts amplify artifact backup batch billing budgets cases chatbot config connect controltower
  deadline detective discovery events evidently forecast freetier geo health identity inspector interconnect
  invoicing lex location logs mail marketplace metering notifications organizations
  outposts panorama personalize pipes pricing profile rum scheduler schemas shield signer
  signin snowball support sustainability synthetics tax transcribe transfer translate waf`
    .split(/\s+/)
    .filter(Boolean),
);

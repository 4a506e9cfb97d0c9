// The AWS SAM template (deploy/aws-lambda/template.yaml), read as CloudFormation reads it: the
// function it deploys must be the one src/lambda.ts exports and the packaging script writes, and
// no secret may be in it or in the function's environment.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CollectionTag, parseDocument, type ScalarTag } from 'yaml';
import { LAMBDA_BUILD } from '../deploy/aws-lambda/package.js';
import * as lambda from '../src/lambda.js';

const ROOT = join(__dirname, '..');
const TEMPLATE = join(ROOT, 'deploy/aws-lambda/template.yaml');

// CloudFormation's short-form intrinsic functions, kept as { Fn: value }.
const intrinsic = (name: string): (ScalarTag | CollectionTag)[] =>
  (['scalar', 'seq', 'map'] as const).map((kind) => ({
    tag: `!${name}`,
    ...(kind === 'scalar' ? {} : { collection: kind }),
    resolve: (value: unknown) => ({ [name]: (value as { toJSON?: () => unknown }).toJSON?.() ?? value }),
  })) as never;

type Template = {
  Parameters: Record<string, { Default?: string }>;
  Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
  Outputs: Record<string, { Value: unknown }>;
};

const template = parseDocument(readFileSync(TEMPLATE, 'utf8'), {
  customTags: ['Ref', 'Sub', 'If', 'Not', 'Equals', 'GetAtt'].flatMap(intrinsic),
}).toJS() as Template;

interface FunctionProperties {
  Runtime: string;
  Handler: string;
  CodeUri: string;
  Environment: { Variables: Record<string, unknown> };
  Policies: unknown[];
  FunctionUrlConfig: unknown;
}
const found = Object.values(template.Resources).find((r) => r.Type === 'AWS::Serverless::Function');
if (!found) throw new Error('the template has no AWS::Serverless::Function');
const fn = found.Properties as unknown as FunctionProperties;

describe('AWS SAM template', () => {
  it('deploys the handler src/lambda.ts exports, from the folder npm run package:lambda writes, on nodejs22.x', () => {
    expect(fn.Runtime).toBe('nodejs22.x');
    const [file, name] = fn.Handler.split('.');
    expect(file).toBe('dist/lambda');
    expect(typeof (lambda as Record<string, unknown>)[name as string]).toBe('function');
    expect(join(ROOT, 'deploy/aws-lambda', fn.CodeUri)).toBe(`${LAMBDA_BUILD}/`);
  });

  it('keeps the Slack secrets out of the template and the environment, and reads only the one secret', () => {
    const text = readFileSync(TEMPLATE, 'utf8');
    expect(text).not.toMatch(/xox[bap]-|SLACK_BOT_TOKEN:|SLACK_SIGNING_SECRET:/);
    const variables = fn.Environment.Variables;
    expect(Object.keys(variables)).not.toContain('SLACK_BOT_TOKEN');
    expect(Object.keys(variables)).not.toContain('SLACK_SIGNING_SECRET');
    expect(variables.SLACK_SECRET_ID).toEqual({ Ref: 'SlackSecretArn' });
    expect(template.Parameters.SlackSecretArn?.Default).toBeUndefined();
    const policies = JSON.stringify(fn.Policies);
    expect(policies).toContain(
      '"AWSSecretsManagerGetSecretValuePolicy":{"SecretArn":{"Ref":"SlackSecretArn"}}',
    );
    expect(policies).not.toMatch(/"Resource":"\*"|Action":"\*"|secretsmanager:\*/);
  });

  it('serves a Function URL that only the URL may invoke, and outputs the Request URL to give Slack', () => {
    expect(fn.FunctionUrlConfig).toEqual({ AuthType: 'NONE' });
    const permission = Object.values(template.Resources).find((r) => r.Type === 'AWS::Lambda::Permission');
    expect(permission?.Properties).toMatchObject({
      Action: 'lambda:InvokeFunction',
      Principal: '*',
      InvokedViaFunctionUrl: true,
    });
    expect(JSON.stringify(template.Outputs.SlackRequestUrl?.Value)).toContain('slack/events');
  });
});

// The official OpenAI SDK against a running Quorum: a completion, a stream with usage, a stream broken mid-way (with
// QUORUM_SIM_URL), the model list, one model, and three errors mapped onto the SDK's own error classes; the chat
// contract: a multi-turn conversation, json_object, json_schema parsed by the SDK's own parse(), tools with
// tool_choice required and the follow-up turn with the tool result, streamed tool calls read by the SDK's stream
// helper, an image part, an unknown path's JSON 404, and n choices. Exits non-zero on the first surprise.
//   QUORUM_URL=http://127.0.0.1:8080/v1 QUORUM_API_KEY=... [QUORUM_SIM_URL=http://127.0.0.1:8089] npm run check
import OpenAI from 'openai';
import assert from 'node:assert/strict';

const baseURL = process.env.QUORUM_URL ?? 'http://127.0.0.1:8080/v1';
const apiKey = process.env.QUORUM_API_KEY ?? 'unused-when-keys-are-off';
const client = new OpenAI({ baseURL, apiKey, maxRetries: 0 });
const ask = [{ role: 'user', content: 'What is the capital of France?' }];

const reply = await client.chat.completions.create({ model: 'quorum/route', messages: ask });
assert.ok(reply.choices[0].message.content.length > 0);
assert.equal(reply.usage.total_tokens, reply.usage.prompt_tokens + reply.usage.completion_tokens);
console.log('completion:', reply.choices[0].message.content, 'from', reply.quorum.provider);

const stream = await client.chat.completions.create({ model: 'quorum/route', messages: ask, stream: true,
  stream_options: { include_usage: true } });
let text = '';
let usage = null;
for await (const chunk of stream) {
  text += chunk.choices[0]?.delta?.content ?? '';
  usage = chunk.usage ?? usage;
}
assert.ok(text.length > 0);
assert.ok(usage && usage.total_tokens > 0);
console.log('stream:', text, JSON.stringify(usage));

// a provider stream broken mid-way (scripted on Quorum's simulator when QUORUM_SIM_URL names its admin API): the SDK
// raises Quorum's error event as an APIError after the first tokens, instead of ending the text silently
if (process.env.QUORUM_SIM_URL) {
  const sim = process.env.QUORUM_SIM_URL;
  const script = await fetch(`${sim}/_sim/mistral-sim/script`, { method: 'PUT',
    body: JSON.stringify({ defaultAnswer: 'Paris is the capital of France.', streamBreakAfterChars: 12 }) });
  assert.equal(script.status, 204);
  let partial = '';
  let broken = null;
  try {
    const cut = await client.chat.completions.create({ model: 'mistral-sim', messages: ask, stream: true });
    for await (const chunk of cut) {
      partial += chunk.choices[0]?.delta?.content ?? '';
    }
  } catch (error) {
    broken = error;
  } finally {
    await fetch(`${sim}/_sim`, { method: 'DELETE' });
  }
  assert.equal(partial, 'Paris is the');
  assert.ok(broken instanceof OpenAI.APIError, `expected an APIError, got ${broken}`);
  assert.equal(broken.code, 'provider_stream_broken');
  console.log('broken stream:', JSON.stringify(partial), 'then', broken.constructor.name, broken.code);
}

// the chat contract (issue 19)
const sim = process.env.QUORUM_SIM_URL;
async function simCalls(id) {
  return sim ? (await fetch(`${sim}/_sim/${id}/calls`)).json() : null;
}
if (sim) {
  await fetch(`${sim}/_sim`, { method: 'DELETE' });
}
const conversation = await client.chat.completions.create({ model: 'openai-sim', messages: [
  { role: 'system', content: 'Answer briefly.' }, { role: 'user', content: 'My name is Ada.' },
  { role: 'assistant', content: 'Hello Ada.' }, { role: 'user', content: 'What is my name?' }] });
assert.ok(conversation.choices[0].message.content.length > 0);
if (sim) {
  const calls = await simCalls('openai-sim');
  assert.deepEqual(calls.at(-1).roles, ['system', 'user', 'assistant', 'user']);
}
console.log('multi-turn:', conversation.choices[0].message.content);

const jsonObject = await client.chat.completions.create({ model: 'quorum/route', messages: ask,
  response_format: { type: 'json_object' } });
assert.equal(typeof JSON.parse(jsonObject.choices[0].message.content), 'object');
console.log('json_object:', jsonObject.choices[0].message.content);

const person = { type: 'object', properties: { name: { type: 'string' }, age: { type: 'integer' } },
  required: ['name', 'age'], additionalProperties: false };
const parsed = await client.chat.completions.parse({ model: 'quorum/route',
  messages: [{ role: 'user', content: 'Extract the person: Ada Lovelace, 36.' }],
  response_format: { type: 'json_schema', json_schema: { name: 'person', schema: person, strict: true } } });
const personAnswer = parsed.choices[0].message.parsed;
assert.equal(typeof personAnswer.name, 'string');
assert.equal(typeof personAnswer.age, 'number');
console.log('json_schema (parse):', JSON.stringify(personAnswer));

const weather = [{ type: 'function', function: { name: 'get_weather', description: 'The weather in a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } } }];
const question = { role: 'user', content: 'What is the weather in Paris?' };
const called = await client.chat.completions.create({ model: 'quorum/route', messages: [question], tools: weather,
  tool_choice: 'required' });
assert.equal(called.choices[0].finish_reason, 'tool_calls');
const toolCall = called.choices[0].message.tool_calls[0];
assert.equal(toolCall.function.name, 'get_weather');
assert.equal(typeof JSON.parse(toolCall.function.arguments).city, 'string');
const followUp = await client.chat.completions.create({ model: 'quorum/route', tools: weather, messages: [question,
  called.choices[0].message, { role: 'tool', tool_call_id: toolCall.id, content: 'sunny, 21 degrees' }] });
assert.equal(followUp.choices[0].finish_reason, 'stop');
assert.ok(followUp.choices[0].message.content.includes('sunny, 21 degrees'));
console.log('tools:', toolCall.function.name, toolCall.function.arguments, '->', followUp.choices[0].message.content);

const runner = client.chat.completions.stream({ model: 'openai-sim', messages: [question], tools: weather,
  tool_choice: 'required' });
const streamed = await runner.finalChatCompletion();
assert.equal(streamed.choices[0].finish_reason, 'tool_calls');
assert.equal(streamed.choices[0].message.tool_calls[0].function.name, 'get_weather');
console.log('streamed tool call:', JSON.stringify(streamed.choices[0].message.tool_calls[0].function));

const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const seen = await client.chat.completions.create({ model: 'openai-sim', messages: [{ role: 'user', content: [
  { type: 'text', text: 'What is in this picture?' }, { type: 'image_url', image_url: { url: png } }] }] });
assert.ok(seen.usage.prompt_tokens > 0);
if (sim) {
  assert.equal((await simCalls('openai-sim')).at(-1).images, 1);
}
console.log('image part:', seen.choices[0].message.content);

let unknownPath = null;
try {
  await client.post('/no-such-endpoint', { body: { model: 'quorum/route' } });
} catch (error) {
  unknownPath = error;
}
assert.ok(unknownPath instanceof OpenAI.NotFoundError, `expected a NotFoundError, got ${unknownPath}`);
assert.equal(typeof unknownPath.error, 'object', 'the 404 body is JSON, not an HTML page');
console.log('unknown path:', unknownPath.constructor.name, unknownPath.status, JSON.stringify(unknownPath.error));

// n choices in single mode: n provider calls, the choices indexed 0..n-1; n with a stream is a 400 on param n
const several = await client.chat.completions.create({ model: 'quorum/route', messages: ask, n: 3 });
assert.deepEqual(several.choices.map((c) => c.index), [0, 1, 2]);
assert.ok(several.choices.every((c) => c.message.content.length > 0));
assert.equal(several.quorum.responses.length, 3);
let streamedN = null;
try {
  await client.chat.completions.create({ model: 'quorum/route', messages: ask, n: 2, stream: true });
} catch (error) {
  streamedN = error;
}
assert.ok(streamedN instanceof OpenAI.BadRequestError, `expected a BadRequestError, got ${streamedN}`);
assert.equal(streamedN.param, 'n');
console.log('n choices:', several.choices.length, 'then n with a stream:', streamedN.constructor.name, streamedN.param);

const models = (await client.models.list()).data.map((m) => m.id);
assert.ok(models.includes('quorum/route') && models.includes('quorum/consensus'));
assert.equal((await client.models.retrieve('quorum/cascade')).id, 'quorum/cascade');
console.log('models:', models.join(', '));

async function failure(model, key) {
  try {
    await new OpenAI({ baseURL, apiKey: key, maxRetries: 0 }).chat.completions.create({ model, messages: ask });
  } catch (error) {
    return error;
  }
  throw new Error(`${model} did not fail`);
}
const notFound = await failure('no-such-model', apiKey);
assert.ok(notFound instanceof OpenAI.NotFoundError);
assert.equal(notFound.code, 'model_not_found');
console.log('unknown model:', notFound.constructor.name, notFound.status, notFound.code);
if (process.env.QUORUM_API_KEY) {
  const denied = await failure('quorum/route', 'not-a-key');
  assert.ok(denied instanceof OpenAI.AuthenticationError);
  console.log('wrong key:', denied.constructor.name, denied.status, denied.code);
}
console.log('the official OpenAI SDK works against Quorum');

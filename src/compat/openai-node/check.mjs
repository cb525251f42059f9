// The official OpenAI SDK against a running Quorum: a completion, a stream with usage, a stream broken mid-way (with
// QUORUM_SIM_URL), the model list, one model, and three errors mapped onto the SDK's own error classes. Exits non-zero
// on the first surprise.
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

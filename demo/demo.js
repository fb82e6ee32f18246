// The demo mail page: compose windows with recipient chips, a subject, a contenteditable body
// and attachments. Plain DOM, no framework; drafts are built with textContent only.
'use strict';

const SAMPLES = {
  blank: { title: 'New message', to: [], subject: '', body: [''], attachments: [] },
  sample: {
    title: 'New message',
    to: [{ name: 'Kenji Tanaka', address: 'k.tanaka@sakura-trust.co.jp' }],
    subject: 'Partnership proposal and NDA',
    body: [
      'Hey Tanaka-san,',
      '',
      "I'm reaching out from Brightline Analytics in Boston. We help banks cut fraud review time by 40%, and we are a great fit for Sakura Trust!!",
      '',
      'Attached is our standard NDA. Please sign and return it by Friday so we can get started ASAP. These are standard terms, nothing to discuss.',
      '',
      'Send me the name of your IT contact. We were unable to finish the security questionnaire your team sent, it was our vendor\'s fault.',
      '',
      "Let's hop on a quick Zoom call next week. I promise it won't be boring lol.",
      '',
      'Cheers,',
    ],
    signature: ['Mike Carter', 'Head of Sales, Brightline Analytics'],
    attachments: [{ name: 'Brightline_Mutual_NDA.pdf', size: 188416 }],
  },
  // A foreign sales manager writing in Japanese to a client in Tokyo: the business-mail
  // conventions of Japanese (addressee line, opening and closing formulas, keigo, です・ます).
  japanese: {
    title: 'New message',
    to: [{ name: '田中 健二', address: 'k.tanaka@sakura-trust.co.jp' }],
    subject: '導入時期とお見積りの件',
    body: [
      '株式会社さくら信託 システム部 御中',
      '田中 健二様',
      '',
      'ブライトライン・アナリティクスのダニエル・ウェーバーです。',
      '先日のお打ち合わせで田中様がおっしゃられていた導入時期の件、了解しました。',
      'ご提示いただいた要件は、社内で拝見させていただきました。',
      'お見積書を添付させていただきます。価格は前回と同じである。',
      '至急ご返信ください。',
      '来週、導入計画の詳細を共有させていただきます。',
      '',
      '━━━━━━━━━━━━━━━━━━━━',
      'ブライトライン・アナリティクス株式会社 営業部 マネージャー',
      'ダニエル・ウェーバー（Daniel Weber）',
      'TEL：03-5555-0100',
      '━━━━━━━━━━━━━━━━━━━━',
    ],
    attachments: [{ name: 'お見積書_さくら信託_v2.pdf', size: 142336 }],
  },
  reply: {
    title: 'Re: Quarterly shipment schedule',
    reply: true,
    to: [{ name: 'Yuki Sato', address: 'y.sato@naniwa-parts.co.jp' }],
    subject: 'Re: Quarterly shipment schedule',
    body: ['Dear Sato-san,', '', 'Thank you for the updated schedule. We will review it with our team and reply by Thursday.', '', 'Best regards,'],
    signature: ['Mike Carter', 'URGENT REQUESTS: call +1 617 555 0100'],
    quote: [
      'On Mon, Yuki Sato <y.sato@naniwa-parts.co.jp> wrote:',
      'Send me the revised forecast ASAP!! We need an answer today.',
    ],
    attachments: [],
  },
};

const dock = document.getElementById('dock');

function line(text) {
  const div = document.createElement('div');
  if (text === '') div.append(document.createElement('br'));
  else div.textContent = text;
  return div;
}

function addChip(field, recipient) {
  const chip = document.createElement('span');
  chip.className = 'chip';
  chip.dataset.address = recipient.address;
  if (recipient.name) chip.dataset.name = recipient.name;
  chip.title = recipient.address;
  chip.append(document.createTextNode(recipient.name || recipient.address));
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.textContent = '×';
  remove.setAttribute('aria-label', `Remove ${recipient.address}`);
  remove.addEventListener('click', () => chip.remove());
  chip.append(remove);
  field.querySelector('.chips').append(chip);
}

function openCompose(kind) {
  const sample = SAMPLES[kind];
  if (kind === 'textarea') {
    const node = document.getElementById('compose-textarea').content.firstElementChild.cloneNode(true);
    node.querySelector('[data-action="close"]').addEventListener('click', () => node.remove());
    dock.append(node);
    return node;
  }
  const node = document.getElementById('compose').content.firstElementChild.cloneNode(true);
  node.querySelector('.title').textContent = sample.title;
  if (sample.reply) node.dataset.reply = 'true';
  for (const r of sample.to) addChip(node.querySelector('[data-field="to"]'), r);
  node.querySelector('input[name="subject"]').value = sample.subject;
  const editor = node.querySelector('.editor');
  for (const text of sample.body) editor.append(line(text));
  if (sample.signature) {
    const sig = document.createElement('div');
    sig.className = 'demo-signature';
    sig.append(line('-- '), ...sample.signature.map(line));
    editor.append(sig);
  }
  if (sample.quote) {
    const quote = document.createElement('blockquote');
    quote.className = 'demo-quote';
    quote.append(...sample.quote.map(line));
    editor.append(quote);
  }
  const attachments = node.querySelector('.attachments');
  for (const a of sample.attachments) {
    const chip = document.createElement('span');
    chip.className = 'attachment';
    chip.dataset.attachmentName = a.name;
    chip.dataset.attachmentSize = String(a.size);
    const name = document.createElement('span');
    name.textContent = a.name;
    const size = document.createElement('span');
    size.className = 'size';
    size.textContent = `${Math.round(a.size / 1024)} KB`;
    chip.append(name, size);
    attachments.append(chip);
  }
  for (const input of node.querySelectorAll('input.add')) {
    const commit = () => {
      const value = input.value.trim().replace(/[,;]$/, '');
      if (value.includes('@')) addChip(input.closest('.field'), { address: value });
      input.value = '';
    };
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ',' || e.key === ';') {
        e.preventDefault();
        commit();
      } else if (e.key === 'Backspace' && input.value === '') {
        input.closest('.field').querySelector('.chip:last-of-type')?.remove();
      }
    });
    input.addEventListener('blur', commit);
  }
  node.querySelector('[data-action="close"]').addEventListener('click', () => node.remove());
  node.querySelector('[data-action="send"]').addEventListener('click', () => {
    node.querySelector('.sent').textContent = 'Sent (demo: nothing left this machine).';
    setTimeout(() => node.remove(), 800);
  });
  // At most two composes side by side, as in webmail.
  while (dock.children.length >= 2) dock.firstElementChild.remove();
  dock.append(node);
  return node;
}

for (const button of document.querySelectorAll('[data-open]')) {
  button.addEventListener('click', () => openCompose(button.dataset.open));
}

const start = new URLSearchParams(location.search).get('open') ?? 'sample';
for (const kind of start.split(',')) if (SAMPLES[kind] || kind === 'textarea') openCompose(kind);

// Writes the tags that @vntk/dictionary gives Vietnamese words, as a vnseg
// word list ("word<TAB>0<TAB>tag,tag": frequency 0 adds no count): which
// words are headwords of its defining dictionary (dictionary.json) with the
// parts of speech of their senses, and which are in its everyday list
// (Viet22K.txt). The learned model uses them (see WordFlags in dictionary.h).
//
// usage: node lexicon_tags.js PACKAGE_DIR OUT
'use strict';
const fs = require('fs');
const path = require('path');

const [packageDir, out] = process.argv.slice(2);
if (!packageDir || !out) {
  console.error('usage: node lexicon_tags.js PACKAGE_DIR OUT');
  process.exit(2);
}

// Part-of-speech codes of dictionary.json (pos, sub_pos) -> vnseg tags.
function posTags(sense) {
  const tags = [];
  if (sense.sub_pos === 'Nc' || sense.sub_pos === 'Nu') tags.push('classifier');
  if (['E', 'C', 'R', 'I', 'X'].includes(sense.pos)) tags.push('function');
  if (sense.pos === 'V') tags.push('verb');
  if (sense.pos === 'N') tags.push('noun');
  if (sense.pos === 'A') tags.push('adjective');
  return tags;
}

const tagsByWord = new Map();
function addTags(word, tags) {
  const key = word.normalize('NFC').trim();
  if (key === '' || /[\t\n]/.test(key)) return;
  if (!tagsByWord.has(key)) tagsByWord.set(key, new Set());
  for (const t of tags) tagsByWord.get(key).add(t);
}

const data = path.join(packageDir, 'data');
const senses = JSON.parse(fs.readFileSync(path.join(data, 'dictionary.json'), 'utf8'));
for (const [word, list] of Object.entries(senses)) {
  addTags(word, ['headword', ...list.flatMap(posTags)]);
}
for (const line of fs.readFileSync(path.join(data, 'Viet22K.txt'), 'utf8').split('\n')) {
  if (line.trim() !== '') addTags(line, ['common']);
}

const lines = [...tagsByWord.entries()]
  .map(([word, tags]) => `${word}\t0\t${[...tags].sort().join(',')}`)
  .sort();
fs.writeFileSync(out, lines.join('\n') + '\n');

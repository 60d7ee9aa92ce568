#!/usr/bin/env python3
"""Build a probe's gold file from a compact claim list (one claim a line).

  TYPE | subject | object or - | qualifiers as JSON or - | sentence_contains [| opt [| note]]
  ALIASES | Label:Name | alias; alias        (aliases of a name the gazetteer does not list)

A `commodity` qualifier is added to the entities too (tools/check_gold.py resolves it there).

Entities (label, aliases) come from schema/entities.tsv; a name it does not list is written
`Label:Name` on first use.  Usage: tools/probe_gold.py ARTICLE_ID CLAIMS_FILE > GOLD.json (claim lists: tools/probe_claims/)
"""
import json, sys, os

root = os.path.join(os.path.dirname(__file__), '..')
gaz = {}
for line in open(os.path.join(root, 'schema', 'entities.tsv'), encoding='utf-8'):
    if not line.strip() or line.startswith('#'):
        continue
    parts = line.rstrip('\n').split('\t')
    if len(parts) < 2 or parts[0] in ('Demonym', 'Region'):
        continue
    aliases = [a.strip().lstrip('=') for a in parts[2].split('|')] if len(parts) > 2 else []
    parts[1] = parts[1].lstrip('=')
    gaz[parts[1].lower()] = (parts[0], parts[1], [a for a in aliases if a])
    for a in aliases:
        gaz.setdefault(a.lower(), (parts[0], parts[1], [x for x in aliases if x]))

article, spec = sys.argv[1], sys.argv[2]
entities, claims, seen, extra_aliases = [], [], {}, {}

def ent(name):
    label = None
    if ':' in name and name.split(':', 1)[0] in ('Company', 'Government', 'Country', 'Facility', 'Commodity', 'Person'):
        label, name = name.split(':', 1)
    if not label and name in seen:
        return name
    hit = gaz.get(name.lower())
    if hit and not label:
        label, canon, aliases = hit
    else:
        canon, aliases = name, extra_aliases.get(name, [])
        if not label:
            sys.exit('unknown entity without label: ' + name)
    if canon not in seen:
        seen[canon] = True
        entities.append({'name': canon, 'label': label, 'aliases': aliases})
    return canon

for line in open(spec, encoding='utf-8'):
    line = line.strip()
    if not line or line.startswith('#'):
        continue
    f = [x.strip() for x in line.split('|')]
    if f[0] == 'ALIASES':
        extra_aliases[f[1].split(':', 1)[-1]] = [a.strip() for a in f[2].split(';') if a.strip()]
        continue
    typ, subj, obj, quals, contains = f[:5]
    c = {'type': typ, 'subject': ent(subj), 'object': None if obj == '-' else ent(obj),
         'qualifiers': {} if quals == '-' else json.loads(quals), 'citations': [],
         'sentence_contains': contains, 'optional': len(f) > 5 and f[5] == 'opt'}
    if 'commodity' in c['qualifiers']:  # the commodity is a listed entity of the gold too
        c['qualifiers']['commodity'] = ent('Commodity:' + c['qualifiers']['commodity']
                                           if c['qualifiers']['commodity'].lower() not in gaz
                                           else c['qualifiers']['commodity'])
    if len(f) > 6 and f[6]:
        c['note'] = f[6]
    claims.append(c)
json.dump({'article': article, 'entities': entities, 'claims': claims}, sys.stdout,
          ensure_ascii=False, indent=1)
print()

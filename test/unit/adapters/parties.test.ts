import { describe, expect, it } from 'vitest';
import { normaliseLabel, PartyDirectory, slugPartyId, UK_PARTIES } from '../../../src/adapters/parties.js';

describe('PartyDirectory', () => {
  it('maps the House of Commons Library labels to party ids', () => {
    const directory = new PartyDirectory();
    const ids = [
      'Con',
      'Lab',
      'LD',
      'BRX',
      'Green',
      'SNP',
      'PC',
      'DUP',
      'SF',
      'SDLP',
      'UUP',
      'APNI',
      'UKIP',
      'Spk',
      'Ind',
    ].map((label) => directory.resolve(label).id);
    expect(ids).toEqual([
      'con',
      'lab',
      'ld',
      'brx',
      'green',
      'snp',
      'pc',
      'dup',
      'sf',
      'sdlp',
      'uup',
      'apni',
      'ukip',
      'spk',
      'ind',
    ]);
  });

  it('treats Labour Co-operative as Labour, however it is spelt', () => {
    const directory = new PartyDirectory();
    for (const label of ['Lab Coop', 'Lab Co-op', 'lab_co-op', 'LAB COOP'])
      expect(directory.resolve(label).id, label).toBe('lab');
  });

  it('gives an unlisted label its own party, named by the label', () => {
    const directory = new PartyDirectory();
    expect(directory.resolve('Yorkshire Party')).toEqual({
      id: 'yorkshire-party',
      name: 'Yorkshire Party',
      shortName: 'Yorkshire Party',
      labels: ['Yorkshire Party'],
    });
    expect(directory.resolve('yorkshire party').id).toBe('yorkshire-party');
  });

  it('keeps different unlisted labels apart even when their slugs collide', () => {
    const directory = new PartyDirectory();
    expect(directory.resolve('Ash!').id).toBe('ash');
    expect(directory.resolve('Ash?').id).toBe('ash-2');
  });

  it('lists only the parties used, in table order with Others last, aliases as seen', () => {
    const directory = new PartyDirectory();
    directory.use('Oth');
    directory.use('Yorks');
    directory.use('Lab Coop');
    directory.use('Con');
    directory.use('Lab');
    expect(directory.parties()).toEqual([
      { id: 'con', name: 'Conservatives', shortName: 'Con', aliases: ['Con'] },
      { id: 'lab', name: 'Labour', shortName: 'Lab', aliases: ['Lab Coop', 'Lab'] },
      { id: 'yorks', name: 'Yorks', shortName: 'Yorks', aliases: ['Yorks'] },
      { id: 'oth', name: 'Others', shortName: 'Oth', aliases: ['Oth'] },
    ]);
  });

  it('refuses a blank label', () => {
    expect(() => new PartyDirectory().resolve('  ')).toThrow(/blank/);
  });
});

describe('slugPartyId', () => {
  it('makes ident-safe ids', () => {
    expect(slugPartyId('Sinn Féin')).toBe('sinn-fein');
    expect(slugPartyId('1st Party')).toBe('p-1st-party');
    expect(slugPartyId('NOC')).toBe('p-noc');
    expect(slugPartyId('A'.repeat(40))).toHaveLength(32);
    for (const label of ['Sinn Féin', '1st Party', '!!!', 'x'.repeat(50)])
      expect(slugPartyId(label)).toMatch(/^[a-z][a-z0-9_-]{0,31}$/);
  });
});

describe('UK_PARTIES', () => {
  it('has unique ids and no label claimed by two parties', () => {
    const ids = UK_PARTIES.map((party) => party.id);
    expect(new Set(ids).size).toBe(ids.length);
    const owners = new Map<string, string>();
    for (const party of UK_PARTIES) {
      for (const label of party.labels) {
        const key = normaliseLabel(label);
        expect(owners.get(key) ?? party.id, label).toBe(party.id);
        owners.set(key, party.id);
      }
    }
  });
});

/**
 * Welsh, the shared table (fetched with the elements' Welsh, src/components/shared/welsh.ts, the
 * first time a widget speaks Welsh). Written for the UK case by the Tally team; a native speaker's review is welcome.
 * Welsh counts with a singular noun after a numeral ("150 cyngor"), so area nouns have one form.
 * Names inside sentences come from the feed and are not mutated.
 */
import { addMessages } from '../message-store.js';
import type { SharedMessageKey, Translation } from '../messages.js';

export const cy: Translation<SharedMessageKey> = {
  'status.awaiting': 'Yn aros am ganlyniad',
  'status.counting': 'Yn cyfrif',
  'status.declared': 'Wedi datgan',
  'status.recount': 'Ailgyfrif',
  'status.postponed': 'Wedi’i ohirio',
  'status.no-election': 'Dim etholiad',

  'outcome.hold': '{party} yn cadw',
  'outcome.gain': '{party} yn cipio oddi ar {from}',
  'outcome.gain-from-noc': '{party} yn cipio oddi ar DRhG',
  'outcome.lost-to-noc': 'Dim rheolaeth gyffredinol ({from} wedi colli)',
  'outcome.noc-hold': 'Dim rheolaeth gyffredinol (dim newid)',
  'outcome.noc': 'Dim rheolaeth gyffredinol',
  'outcome.won': '{party} yn ennill',
  'outcome.declared': 'Wedi datgan',

  'sentence.hold': '{party} yn cadw {area}',
  'sentence.gain': '{party} yn cipio {area} oddi ar {from}',
  'sentence.gain-from-noc': '{party} yn cipio {area} o ddim rheolaeth gyffredinol',
  'sentence.lost-to-noc': '{from} yn colli {area} i ddim rheolaeth gyffredinol',
  'sentence.noc-hold': 'Dim rheolaeth gyffredinol yn {area}',
  'sentence.noc': 'Dim rheolaeth gyffredinol yn {area}',
  'sentence.won': '{party} yn ennill {area}',
  'sentence.declared': '{area} wedi datgan',
  'sentence.awaiting': '{area} yn aros am ganlyniad',
  'sentence.counting': 'Cyfrif ar y gweill yn {area}',
  'sentence.recount': 'Ailgyfrif yn {area}',
  'sentence.postponed': 'Gohiriwyd y bleidlais yn {area}',
  'sentence.no-election': 'Dim etholiad yn {area}',
  'sentence.correction': 'Cywiriad: {sentence}',

  'control.noc': 'Dim rheolaeth gyffredinol',
  'control.nocShort': 'DRhG',
  'party.others': 'Eraill',
  'party.undeclared': 'I’w datgan',

  'progress.after': 'ar ôl {declared} o {total} {areas}',
  'progress.complete': { one: 'wedi datgan', other: 'y {total} {areas} i gyd wedi datgan' },
  'progress.none': 'dim canlyniadau eto',
  'areaType.council': { other: 'cyngor' },
  'areaType.constituency': { other: 'etholaeth' },
  'areaType.ward': { other: 'ward' },
  'areaType.district': { other: 'dosbarth' },
  'areaType.county': { other: 'sir' },
  'areaType.state': { other: 'talaith' },
  'areaType.region': { other: 'rhanbarth' },
  'areaType.area': { other: 'ardal' },

  'count.seats': { other: '{count} sedd' },
  'count.councils': { other: '{count} cyngor' },
  'majority.toWin': '{count} i ennill',
  'majority.needed': '{count} i gael mwyafrif',

  'change.up': 'i fyny {value}',
  'change.down': 'i lawr {value}',
  'change.none': 'dim newid',
  'change.points': '{value} pwynt',
  'change.pointsLong': '{value} pwynt canran',

  'feed.loading': 'Yn llwytho canlyniadau…',
  'feed.updated': 'Diweddarwyd {time}',
  'feed.checking': 'yn gwirio…',
  'feed.reconnecting': 'Yn ailgysylltu — yn dangos canlyniadau o {time}',
  'feed.stale': 'Gall y canlyniadau fod wedi dyddio — gwiriwyd ddiwethaf {time}',
  'feed.kept': 'Nid oedd modd defnyddio’r diweddariad diweddaraf — yn dangos canlyniadau o {time}',
  'feed.error': 'Nid yw’r canlyniadau ar gael ar hyn o bryd.',
  'feed.errorDetail': 'Manylion i ddatblygwyr',
  'feed.noSource': 'Ni roddwyd ffrwd canlyniadau i’r teclyn hwn.',
  'feed.test': 'DATA PRAWF',
  'feed.testNote': 'Canlyniadau prawf yw’r rhain, nid rhai go iawn.',
  'feed.empty': 'Dim canlyniadau yn y ffrwd hon eto.',
  'feed.unknownArea': 'Nid oes ardal “{id}” yn y ffrwd hon.',
  'feed.source': 'Ffynhonnell: {name}',
  'feed.publisherFigures': 'Ffigurau’r cyhoeddwr',
  'feed.derivedFigures': 'Cyfansymiau o’r canlyniadau a ddatganwyd',
  'feed.partialSeats':
    'Mae cyfansymiau’r seddi’n cynnwys {count} o’r {declared} {areas} a ddatganwyd sydd â ffigurau seddi',

  'embed.refused': 'Ni ellir dangos y teclyn canlyniadau hwn: {reason}.',

  'time.justNow': 'nawr',
  'time.secondsAgo': { other: '{number} eiliad yn ôl' },
  'time.minutesAgo': { other: '{number} munud yn ôl' },
  'time.hoursAgo': { other: '{number} awr yn ôl' },
  'time.daysAgo': { other: '{number} diwrnod yn ôl' },
};

addMessages('cy', cy);

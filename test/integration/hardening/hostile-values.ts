/**
 * Random and malicious API inputs for the fuzz test, from a seeded generator (xoshiro128**,
 * period 2^128 − 1) so a failure replays exactly from its seed.
 */
import { contract } from '../../../shared/api/contract'

export class Random {
  private a = 0
  private b = 0
  private c = 0
  private d = 0

  constructor(seed: number) {
    // splitmix32 spreads the seed over the four words of state.
    let x = seed >>> 0
    const word = () => {
      x = (x + 0x9e3779b9) >>> 0
      let z = x
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
      return (z ^ (z >>> 16)) >>> 0
    }
    this.a = word()
    this.b = word()
    this.c = word()
    this.d = word()
  }

  next(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5) >>> 0, 7), 9) >>> 0
    const t = (this.b << 9) >>> 0
    this.c = (this.c ^ this.a) >>> 0
    this.d = (this.d ^ this.b) >>> 0
    this.b = (this.b ^ this.c) >>> 0
    this.a = (this.a ^ this.d) >>> 0
    this.c = (this.c ^ t) >>> 0
    this.d = rotl(this.d, 11)
    return result
  }

  /** 0 ≤ n < max. */
  int(max: number): number {
    return Math.floor((this.next() / 0x1_0000_0000) * max)
  }

  chance(p: number): boolean {
    return this.next() / 0x1_0000_0000 < p
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0
}

/** Each method's input keys, read from its zod schema (nested objects included). */
export function schemaKeys(): Map<string, string[]> {
  const byMethod = new Map<string, string[]>()
  for (const [method, entry] of Object.entries(contract)) {
    const keys = new Set<string>()
    walkKeys((entry as { input: unknown }).input, keys, new Set())
    byMethod.set(method, [...keys])
  }
  return byMethod
}

type Def = { type?: string; [key: string]: unknown }

export function walkKeys(schema: unknown, keys: Set<string>, seen: Set<unknown>): void {
  if (schema === null || typeof schema !== 'object' || seen.has(schema)) return
  seen.add(schema)
  const def = (schema as { _zod?: { def?: Def } })._zod?.def
  if (!def) return
  switch (def.type) {
    case 'object':
      for (const [key, value] of Object.entries(def['shape'] as Record<string, unknown>)) {
        keys.add(key)
        walkKeys(value, keys, seen)
      }
      break
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      walkKeys(def['innerType'], keys, seen)
      break
    case 'pipe':
      walkKeys(def['in'], keys, seen)
      walkKeys(def['out'], keys, seen)
      break
    case 'array':
      walkKeys(def['element'], keys, seen)
      break
    case 'union':
      for (const option of def['options'] as unknown[]) walkKeys(option, keys, seen)
      break
    case 'intersection':
      walkKeys(def['left'], keys, seen)
      walkKeys(def['right'], keys, seen)
      break
    case 'record':
      walkKeys(def['valueType'], keys, seen)
      break
    case 'tuple':
      for (const item of def['items'] as unknown[]) walkKeys(item, keys, seen)
      break
    case 'lazy':
      walkKeys((def['getter'] as () => unknown)(), keys, seen)
      break
  }
}

const boom = () => {
  throw new Error('boom')
}

/** Values that look like what the app sends, so some calls get past validation. */
const PLAUSIBLE: readonly unknown[] = [
  '2025-06-30',
  '2025-02-30',
  '2025-01-01',
  '30/06/2025',
  'CB01',
  'A03',
  'X01',
  'TR001',
  'HD1',
  'DI_CO_SO',
  'DA_BAO_CAO',
  'SANG',
  'CHIEU',
  'year-report',
  '',
  ' ',
  2025,
  2024,
  1,
  0,
  -1,
  4,
  12,
  true,
  false,
  null,
  undefined,
  ['CB01'],
  ['X01', 'X01'],
  [],
  {}
]

const NASTY_STRINGS: readonly string[] = [
  "'; DROP TABLE trips; --",
  '<img src=x onerror=alert(1)>',
  '../../../../etc/passwd',
  'C:\\Windows\\System32',
  '\u0000\u0001\u0002',
  '\ud800',
  'e\u0301\u0301\u0301',
  'Nguyễn Văn A',
  '__proto__',
  'constructor',
  'toString',
  'NaN',
  '1e309',
  '-0',
  '%s%s%s%n',
  '${process.exit()}',
  'true'
]

function randomText(rng: Random): string {
  const length = rng.chance(0.9)
    ? rng.int(20)
    : rng.chance(0.5)
      ? 1_000 + rng.int(10_000)
      : 100_000 + rng.int(2_000_000)
  let out = ''
  const alphabet = 'abcXYZ019 -_/.:ăâđêôơưàảãáạ\u0300\u00a0\n\t"\''
  if (length > 50_000) return 'x'.repeat(length)
  for (let i = 0; i < length; i++) out += alphabet[rng.int(alphabet.length)]
  return out
}

function deepNest(depth: number, asArray: boolean): unknown {
  let value: unknown = 'bottom'
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value }
  return value
}

function hostileObject(rng: Random): unknown {
  switch (rng.int(12)) {
    case 0: {
      const o: Record<string, unknown> = {}
      Object.defineProperty(o, rng.pick(['year', 'code', 'fileName', 'q']), { get: boom, enumerable: true })
      return o
    }
    case 1:
      return { toString: boom, valueOf: boom, [Symbol.toPrimitive]: boom }
    case 2:
      return new Proxy(
        {},
        { get: boom, ownKeys: boom, getPrototypeOf: boom, has: boom, getOwnPropertyDescriptor: boom }
      )
    case 3: {
      const { proxy, revoke } = Proxy.revocable({}, {})
      revoke()
      return proxy
    }
    case 4:
      return JSON.parse(
        '{"__proto__": {"polluted": true, "isAdmin": true}, "constructor": {"prototype": {"polluted": true}}}'
      )
    case 5:
      return deepNest(1_000 + rng.int(20_000), rng.chance(0.5))
    case 6: {
      const cycle: Record<string, unknown> = { year: 2025 }
      cycle['self'] = cycle
      return cycle
    }
    case 7:
      return rng.pick([
        Symbol('s'),
        10n ** 30n,
        () => 1,
        new Date(Number.NaN),
        new Map([[1, 2]]),
        Buffer.from('x')
      ])
    case 8: {
      const a: unknown[] = []
      a.length = 2 ** 31
      return a
    }
    case 9:
      return Object.create({ inherited: 1 })
    case 10:
      return new (class Thing {
        year = 2025
      })()
    default:
      return rng.pick([Number.NaN, Infinity, -Infinity, -0, Number.MAX_VALUE, 2 ** 53 + 1, 1e-300])
  }
}

export function randomValue(rng: Random, keys: readonly string[], depth = 0): unknown {
  const roll = rng.int(100)
  if (roll < 35) return rng.pick(PLAUSIBLE)
  if (roll < 50) return rng.pick(NASTY_STRINGS)
  if (roll < 60) return randomText(rng)
  if (roll < 68) return rng.pick([Number.NaN, Infinity, -1e9, 0.5, 2025.5, 99999, -0, rng.int(1e9)])
  if (roll < 76 && depth < 3) {
    const length = rng.int(5)
    return Array.from({ length }, () => randomValue(rng, keys, depth + 1))
  }
  if (roll < 90 && depth < 3) return randomObject(rng, keys, depth + 1)
  return hostileObject(rng)
}

/** An object with the method's own keys (and a few others), random values. */
export function randomObject(rng: Random, keys: readonly string[], depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  const count = rng.int(Math.max(1, keys.length) + 2)
  for (let i = 0; i < count; i++) {
    const key =
      keys.length > 0 && rng.chance(0.85)
        ? rng.pick(keys)
        : rng.pick(['__proto__', 'extra', 'prototype', 'x'])
    if (key === '__proto__')
      Object.defineProperty(out, key, {
        value: { polluted: true },
        enumerable: true,
        configurable: true,
        writable: true
      })
    else out[key] = randomValue(rng, keys, depth)
  }
  return out
}

/** A method name: mostly real ones, sometimes anything at all. */
export function randomMethod(rng: Random, methods: readonly string[]): unknown {
  if (rng.chance(0.93)) return rng.pick(methods)
  return rng.pick<unknown>([
    'db.exec',
    '__proto__',
    'constructor',
    'hasOwnProperty',
    '',
    'summary.year ',
    'SUMMARY.YEAR',
    42,
    null,
    undefined,
    Symbol('m'),
    ['summary.year'],
    { toString: boom },
    new Proxy({}, { get: boom, getPrototypeOf: boom }),
    'x'.repeat(100_000)
  ])
}

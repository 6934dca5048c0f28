import type { Rng } from './prng';

/*
 * Embedded name lists, diverse on purpose so screenshots and demos look like a real US district.
 * Names are drawn independently of the demographics table: the demo must not teach anyone (or
 * any model) that a name predicts a protected attribute.
 */

// prettier-ignore
const FEMALE = [
  'Olivia', 'Emma', 'Amelia', 'Sophia', 'Charlotte', 'Ava', 'Isabella', 'Mia', 'Evelyn', 'Harper',
  'Camila', 'Sofia', 'Valentina', 'Lucia', 'Ximena', 'Mariana', 'Daniela', 'Gabriela', 'Natalia',
  'Guadalupe', 'Aaliyah', 'Imani', 'Nia', 'Zariah', 'Kiara', 'Jada', 'Aniyah', 'Destiny', 'Maya',
  'Priya', 'Ananya', 'Aisha', 'Fatima', 'Mariam', 'Noor', 'Layla', 'Zainab', 'Mei', 'Lin', 'Hana',
  'Yuna', 'Ji-woo', 'Seo-yeon', 'Linh', 'Thao', 'Mai', 'Chloe', 'Grace', 'Abigail', 'Emily',
  'Hannah', 'Nora', 'Leah', 'Ruby', 'Stella', 'Hazel', 'Aurora', 'Naomi', 'Sarah', 'Elena',
  'Keira', 'Amara', 'Adaeze', 'Chidinma', 'Ayana', 'Kalani', 'Leilani', 'Tala', 'Winona', 'Ingrid',
  'Anya', 'Olga', 'Sienna', 'Julia', 'Paige',
];

// prettier-ignore
const MALE = [
  'Liam', 'Noah', 'Oliver', 'Elijah', 'James', 'William', 'Benjamin', 'Lucas', 'Henry', 'Theodore',
  'Mateo', 'Santiago', 'Diego', 'Alejandro', 'Carlos', 'Jose', 'Luis', 'Miguel', 'Angel', 'Javier',
  'Jayden', 'Malik', 'Darius', 'Jamal', 'Isaiah', 'Xavier', 'Andre', 'Marcus', 'Terrence', 'Elias',
  'Arjun', 'Rohan', 'Vikram', 'Omar', 'Yusuf', 'Ali', 'Hassan', 'Karim', 'Wei', 'Jun', 'Hiroshi',
  'Kenji', 'Min-jun', 'Ji-ho', 'Minh', 'Bao', 'Duc', 'Samuel', 'Jacob', 'Ethan', 'Daniel',
  'Michael', 'Alexander', 'Owen', 'Wyatt', 'Caleb', 'Nathan', 'Ezra', 'Gabriel', 'Adrian',
  'Kofi', 'Chinedu', 'Emeka', 'Tariq', 'Koa', 'Kai', 'Makoa', 'Takoda', 'Dakota', 'Lars', 'Mikhail',
  'Dmitri', 'Connor', 'Ryan', 'Tyler',
];

// prettier-ignore
const FAMILY = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez',
  'Martinez', 'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore',
  'Jackson', 'Martin', 'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark',
  'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres',
  'Nguyen', 'Hill', 'Flores', 'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell',
  'Mitchell', 'Carter', 'Roberts', 'Gomez', 'Phillips', 'Evans', 'Turner', 'Diaz', 'Parker',
  'Cruz', 'Edwards', 'Collins', 'Reyes', 'Stewart', 'Morris', 'Morales', 'Murphy', 'Cook',
  'Rogers', 'Gutierrez', 'Ortiz', 'Morgan', 'Cooper', 'Peterson', 'Bailey', 'Reed', 'Kelly',
  'Howard', 'Ramos', 'Kim', 'Cox', 'Ward', 'Richardson', 'Watson', 'Brooks', 'Chavez', 'Wood',
  'James', 'Bennett', 'Gray', 'Mendoza', 'Ruiz', 'Hughes', 'Price', 'Alvarez', 'Castillo',
  'Sanders', 'Patel', 'Myers', 'Long', 'Ross', 'Foster', 'Jimenez', 'Washington', 'Jefferson',
  'Banks', 'Okafor', 'Adeyemi', 'Mensah', 'Diallo', 'Haile', 'Tran', 'Pham', 'Le', 'Vo', 'Chen',
  'Wang', 'Li', 'Zhang', 'Liu', 'Huang', 'Park', 'Choi', 'Tanaka', 'Sato', 'Nakamura', 'Shah',
  'Singh', 'Kumar', 'Reddy', 'Desai', 'Khan', 'Ahmed', 'Hussein', 'Haddad', 'Abdi', 'Yilmaz',
  'Kowalski', 'Novak', 'Ivanov', 'Petrov', "O'Brien", 'Sullivan', 'Murray', 'Rossi', 'Russo',
  'Schmidt', 'Muller', 'Larsen', 'Nilsen', 'Begay', 'Yazzie', 'Tsosie', 'Kahale', 'Fonoti',
  'Santos', 'Silva', 'Delgado', 'Vargas', 'Castro', 'Romero', 'Medina', 'Aguilar',
];

/** Place names for schools; the list is long enough for ~50 schools of each type. */
// prettier-ignore
const PLACES = [
  'Lincoln', 'Riverside', 'Cedar Ridge', 'Jefferson', 'Maple Grove', 'Washington', 'Oak Hollow',
  'Franklin', 'Lakeview', 'Roosevelt', 'Pine Valley', 'Madison', 'Eastside', 'Westfield',
  'Hillcrest', 'Kennedy', 'Sunset Park', 'Harbor View', 'Meadowbrook', 'Chavez', 'Douglass',
  'Parks', 'Sierra Vista', 'Willow Creek', 'Bayside', 'Highland', 'Stonebridge', 'Mesa Verde',
  'Prairie Wind', 'Ridgeview', 'Northgate', 'Southridge', 'Fairview', 'Brookside', 'Clearwater',
  'Tubman', 'Mandela', 'King', 'Ochoa', 'Sotomayor', 'Ride', 'Carver', 'Edison', 'Hamilton',
  'Jackson', 'Marshall', 'Monroe', 'Adams', 'Garfield', 'Grant', 'Irving', 'Muir', 'Thoreau',
  'Whitman', 'Bryant', 'Emerson', 'Hawthorne', 'Longfellow', 'Twain', 'Alcott',
];

export type NameSex = 'female' | 'male';

export interface PersonName {
  given: string;
  family: string;
}

export function personName(rng: Rng, sex: NameSex): PersonName {
  // A slice of students get a hyphenated family name, as in real rosters.
  const family = rng.chance(0.04) ? `${rng.pick(FAMILY)}-${rng.pick(FAMILY)}` : rng.pick(FAMILY);
  return { given: rng.pick(sex === 'female' ? FEMALE : MALE), family };
}

/** `i`-th school name of a type; past the list it cycles with a roman numeral, never repeating. */
export function schoolName(index: number, kind: 'middle' | 'high'): string {
  const place = PLACES[index % PLACES.length] as string;
  const round = Math.floor(index / PLACES.length);
  const suffix = round === 0 ? '' : ` ${['II', 'III', 'IV', 'V', 'VI'][round - 1] ?? round + 1}`;
  return `${place}${suffix} ${kind === 'middle' ? 'Middle School' : 'High School'}`;
}

/**
 * Staff email addresses: `first.last@demo-district.example`, with a number appended on
 * collisions so addresses stay unique across the district.
 */
export class EmailBook {
  private readonly used = new Map<string, number>();

  email(name: PersonName): string {
    const local = `${slug(name.given)}.${slug(name.family)}`;
    const seen = this.used.get(local) ?? 0;
    this.used.set(local, seen + 1);
    return `${seen === 0 ? local : `${local}${seen + 1}`}@demo-district.example`;
  }
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

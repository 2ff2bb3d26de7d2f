import Holidays from 'date-holidays';

/** The years the generated table covers. */
export const FIRST_YEAR = 2015;
export const LAST_YEAR = 2045;

/**
 * England and Wales bank holidays as date-holidays computes them, weekdays only: it also lists
 * the weekend day a substitute day replaces, which is no working day anyway and not on the
 * official list. date-holidays has no England-and-Wales region; England's list is the same.
 * Used to generate the table the product reads, and by the test that keeps the two equal.
 */
export function englandAndWalesFromLibrary(year: number): string[] {
  return new Holidays('GB', 'ENG')
    .getHolidays(year)
    .filter((holiday) => holiday.type === 'public')
    .map((holiday) => holiday.date.slice(0, 10))
    .filter((isoDate) => {
      const day = new Date(`${isoDate}T12:00:00Z`).getUTCDay();
      return day !== 0 && day !== 6;
    })
    .sort();
}

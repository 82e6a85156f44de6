/** Searchable multi-selects other screens reuse (cadres, units, or any list of options). */
export { MultiPicker, type MultiPickerProps, type PickerOption } from './MultiPicker'
export { CadrePicker, type CadreItem } from './CadrePicker'
export { UnitPicker, isUnitValidOn, type UnitItem } from './UnitPicker'

/** An option of an NcSelect: the value it stands for and what people read */
export interface SelectOption<Id = number> {
	/** The value */
	id: Id
	/** What people read */
	label: string
}
